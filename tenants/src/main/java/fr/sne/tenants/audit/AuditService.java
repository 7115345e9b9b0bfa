package fr.sne.tenants.audit;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Searching and exporting the audit trail of one's territory (all territories for national roles). */
@Singleton
public class AuditService {

    public static final int LIMITE_PAGE = 200;
    public static final int LIMITE_EXPORT = 100_000;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final AuditPolicy policy;
    private final AuditTrail audit;

    AuditService(TenantTransactions transactions, JdbcOperations jdbc, AuditPolicy policy, AuditTrail audit) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
    }

    public List<EntreeAudit> rechercher(Actor actor, FiltreAudit filtre) {
        Scope scope = Acces.scope(actor);
        Acces.exiger(policy.decider(actor, ActionAudit.CONSULTER, scope.territoire()));
        return transactions.inScope(Scope.lecture(scope), () -> requete(filtre, LIMITE_PAGE));
    }

    public List<EntreeAudit> exporter(Actor actor, FiltreAudit filtre) {
        Scope scope = Acces.scope(actor);
        Acces.exiger(policy.decider(actor, ActionAudit.EXPORTER, scope.territoire()));
        List<EntreeAudit> rows = transactions.inScope(Scope.lecture(scope), () -> requete(filtre, LIMITE_EXPORT));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lignes", rows.size());
        details.put("filtre", String.valueOf(filtre));
        audit.lecture(actor, TypeAction.EXPORT, scope.territoire(), "AUDIT", null, details);
        return rows;
    }

    private List<EntreeAudit> requete(FiltreAudit f, int limite) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, horodatage, territoire, acteur, profil, guichet, action, objet_type, objet_id,
                       avant::text AS avant, apres::text AS apres, request_id
                  FROM audit WHERE true""");
        List<Object> params = new ArrayList<>();
        if (f.du() != null) {
            sql.append(" AND horodatage >= ?");
            params.add(Timestamp.from(f.du().atStartOfDay(PARIS).toInstant()));
        }
        if (f.au() != null) {
            sql.append(" AND horodatage < ?");
            params.add(Timestamp.from(f.au().plusDays(1).atStartOfDay(PARIS).toInstant()));
        }
        if (f.action() != null) {
            sql.append(" AND action = ?");
            params.add(f.action().name());
        }
        if (f.objetType() != null) {
            sql.append(" AND objet_type = ?");
            params.add(f.objetType().toUpperCase(java.util.Locale.ROOT));
        }
        if (f.acteur() != null) {
            sql.append(" AND acteur ILIKE ? ESCAPE '\\'");
            params.add("%" + f.acteur().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY horodatage DESC, id DESC LIMIT ?");
        params.add(limite);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<EntreeAudit> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new EntreeAudit(rs.getLong("id"), rs.getTimestamp("horodatage").toInstant(),
                            rs.getString("territoire"), rs.getString("acteur"), rs.getString("profil"),
                            rs.getString("guichet"), rs.getString("action"), rs.getString("objet_type"),
                            rs.getString("objet_id"), rs.getString("avant"), rs.getString("apres"),
                            rs.getString("request_id")));
                }
                return list;
            }
        });
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

}
