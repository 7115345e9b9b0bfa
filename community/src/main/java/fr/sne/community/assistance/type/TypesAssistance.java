package fr.sne.community.assistance.type;

import fr.sne.community.espace.Sql;
import fr.sne.community.assistance.ApplicationAssistee;
import fr.sne.community.assistance.ThemeAssistance;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The request types and their fields (national reference content, read in any scope). */
@Singleton
public class TypesAssistance {

    private final Sql sql;
    private final TenantTransactions transactions;

    TypesAssistance(Sql sql, TenantTransactions transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    /** Every active type, by application then theme; call outside any transaction. */
    public List<TypeAssistance> actifs() {
        return transactions.inScope(Scope.nationalReadOnly(), () -> lire("WHERE t.actif"));
    }

    /** Inside a transaction. */
    public Optional<TypeAssistance> parId(long id) {
        return lire("WHERE t.id = " + id).stream().findFirst();
    }

    private List<TypeAssistance> lire(String where) {
        Map<Long, List<Champ>> champs = new LinkedHashMap<>();
        sql.liste("SELECT c.type_id, c.code, c.libelle, c.aide, c.nature, c.obligatoire, c.choix FROM champ_assistance c "
                + "JOIN type_assistance t ON t.id = c.type_id " + where + " ORDER BY c.type_id, c.ordre, c.code", rs -> {
            Array choix = rs.getArray("choix");
            champs.computeIfAbsent(rs.getLong("type_id"), k -> new ArrayList<>()).add(new Champ(rs.getString("code"),
                    rs.getString("libelle"), rs.getString("aide"), Champ.Nature.valueOf(rs.getString("nature")),
                    rs.getBoolean("obligatoire"), choix == null ? List.of() : Arrays.asList((String[]) choix.getArray())));
            return null;
        });
        return sql.liste("SELECT t.id, t.code, t.application, t.theme, t.libelle, t.description, t.actif FROM type_assistance t "
                + where + " ORDER BY t.ordre, t.id", rs -> new TypeAssistance(rs.getLong("id"), rs.getString("code"),
                ApplicationAssistee.valueOf(rs.getString("application")), ThemeAssistance.valueOf(rs.getString("theme")),
                rs.getString("libelle"), rs.getString("description"), rs.getBoolean("actif"),
                champs.getOrDefault(rs.getLong("id"), List.of())));
    }
}
