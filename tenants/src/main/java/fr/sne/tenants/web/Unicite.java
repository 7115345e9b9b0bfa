package fr.sne.tenants.web;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLState 23505) under whatever the data layer wrapped it in. */
public final class Unicite {

    private Unicite() {
    }

    public static boolean violee(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
