package fr.sne.tenants.audit;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Types;
import java.util.Map;

/**
 * Appends to the audit trail: who (user or API client, habilitation, desk), what, on which
 * object, before/after of the sensitive fields, and the request id. Changes are recorded in the
 * transaction that makes them, so both commit or neither does; reads are recorded in a
 * transaction of their own (national read-only transactions cannot write).
 */
@Singleton
public class AuditTrail {

    private final JdbcOperations jdbc;
    private final TenantTransactions transactions;
    private final JsonMapper json;

    public AuditTrail(JdbcOperations jdbc, TenantTransactions transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** Records a change; must be called inside the changing transaction. */
    public void changement(Actor actor, TypeAction action, String territoire, String objetType, String objetId,
                           Map<String, ?> avant, Map<String, ?> apres) {
        insert(actor, action, territoire, objetType, objetId, avant, apres);
    }

    /** Records a read of nominative data (or an export) in its own transaction. */
    public void lecture(Actor actor, TypeAction action, String territoire, String objetType, String objetId,
                        Map<String, ?> details) {
        transactions.independante(() -> {
            insert(actor, action, territoire, objetType, objetId, null, details);
            return null;
        });
    }

    private void insert(Actor actor, TypeAction action, String territoire, String objetType, String objetId,
                        Map<String, ?> avant, Map<String, ?> apres) {
        Qui qui = Qui.de(actor);
        jdbc.prepareStatement("""
                INSERT INTO audit (territoire, utilisateur_id, acteur, habilitation_id, profil, guichet, action,
                                   objet_type, objet_id, avant, apres, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""", ps -> {
            ps.setString(1, territoire);
            if (qui.utilisateurId() == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, qui.utilisateurId());
            }
            ps.setString(3, qui.acteur());
            if (qui.habilitationId() == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, qui.habilitationId());
            }
            ps.setString(5, qui.profil());
            ps.setString(6, qui.guichet());
            ps.setString(7, action.name());
            ps.setString(8, objetType);
            ps.setString(9, objetId);
            ps.setString(10, toJson(avant));
            ps.setString(11, toJson(apres));
            ps.setString(12, MDC.get("requestId"));
            return ps.executeUpdate();
        });
    }

    private String toJson(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The acting party as the audit columns describe it. */
    private record Qui(Long utilisateurId, String acteur, Long habilitationId, String profil, String guichet) {
        static Qui de(Actor actor) {
            return switch (actor) {
                case Actor.Professionnel p -> {
                    Habilitation h = p.habilitationActive().orElse(null);
                    yield new Qui(p.utilisateurId(), p.email(), h == null ? null : h.id(),
                            h == null ? null : h.profil().name(), h == null ? null : h.guichet());
                }
                case Actor.ClientApi c -> new Qui(null, "client:" + c.clientId(), null, null, c.guichet());
                case Actor.Particulier p -> new Qui(null, "demandeur:" + p.compteId(), null, null, null);
                case Actor.Anonyme a -> new Qui(null, "anonyme", null, null, null);
                case Actor.Systeme s -> new Qui(null, "systeme:" + s.nom(), null, null, null);
            };
        }
    }
}
