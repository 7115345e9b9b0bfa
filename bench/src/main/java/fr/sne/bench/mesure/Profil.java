package fr.sne.bench.mesure;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * On demand ({@code -Dbanc.profil=true}), what a scenario spends its time on: a Java Flight
 * Recorder recording of the JVM (product and bench together), and a sampling of what the
 * database's sessions are doing or waiting for (pg_stat_activity every 20 ms).
 */
public final class Profil implements AutoCloseable {

    private final Recording recording;
    private final Path fichier;
    private final Thread echantillonneur;
    private final Map<String, Integer> attentes = new TreeMap<>();
    private final PrintStream sortie;
    private volatile boolean actif = true;

    private Profil(Path fichier, BaseDeDonnees bd, PrintStream sortie) throws IOException, ParseException {
        this.fichier = fichier;
        this.sortie = sortie;
        this.recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        echantillonneur = Thread.ofPlatform().daemon().name("banc-pg-activite").start(() -> echantillonner(bd));
    }

    public static Profil demarrer(Path fichier, BaseDeDonnees bd, PrintStream sortie) throws IOException, ParseException {
        return new Profil(fichier, bd, sortie);
    }

    private void echantillonner(BaseDeDonnees bd) {
        // a superuser sees every session's state; the owner role only its own
        try (Connection c = bd.superUtilisateur().orElse(bd.proprietaire()); Statement s = c.createStatement()) {
            while (actif) {
                try (ResultSet rs = s.executeQuery("""
                        SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' (' || state || ')'
                          FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
                           AND pid <> pg_backend_pid() AND state <> 'idle'""")) {
                    synchronized (attentes) {
                        while (rs.next()) {
                            attentes.merge(rs.getString(1), 1, Integer::sum);
                        }
                    }
                }
                Thread.sleep(20);
            }
        } catch (SQLException | InterruptedException e) {
            // the profile is a help, never a reason to fail a run
        }
    }

    @Override
    public void close() throws IOException {
        actif = false;
        recording.dump(fichier);
        recording.close();
        synchronized (attentes) {
            sortie.println("[banc] Profil JFR : " + fichier.toAbsolutePath());
            sortie.println("[banc] Sessions PostgreSQL actives (échantillons toutes les 20 ms) : " + attentes);
        }
    }
}
