package fr.sne.core.gdm;

import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one page of the feed. The rule that makes it safe (see V21 and docs/architecture.md):
 * only movements of transactions below the snapshot's xmin are emitted, i.e. of transactions
 * that have all ended, so no row can later appear among those already paged through. The first
 * page fixes that horizon; the cursor carries it, so every page of a window reads the same final
 * set, ordered by (horodatage, id).
 */
@Singleton
class FluxMouvements {

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final CodecCurseur codec;
    private final AuditTrail audit;

    FluxMouvements(TenantTransactions transactions, JdbcOperations jdbc, CodecCurseur codec, AuditTrail audit) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.codec = codec;
        this.audit = audit;
    }

    /** Thrown for a cursor that was not issued for this caller and query. */
    static final class CurseurInvalide extends RuntimeException {
        CurseurInvalide() {
            super("Curseur invalide", null, false, false);
        }
    }

    /** A page for {@code actor}; empty when the actor may not read the feed. */
    Optional<PageMouvements> lire(Actor actor, RequeteMouvements requete) {
        Optional<String> territoire = PolitiqueMouvements.territoire(actor);
        if (territoire.isEmpty()) {
            return Optional.empty();
        }
        String t = territoire.get();
        String identite = Actor.ClientApi.class.cast(actor).clientId() + "|" + t + "|" + requete.empreinte();
        Curseur depart = requete.curseur() == null ? null
                : codec.decoder(requete.curseur(), identite).orElseThrow(CurseurInvalide::new);
        PageMouvements page = transactions.inScope(Scope.territoireReadOnly(t), () -> {
            long horizon = horizon(depart);
            List<Mouvement> lus = mouvements(t, requete, horizon, depart);
            boolean suite = lus.size() > requete.limite();
            List<Mouvement> mouvements = suite ? lus.subList(0, requete.limite()) : lus;
            String suivant = null;
            if (suite) {
                Mouvement dernier = mouvements.getLast();
                suivant = codec.encoder(new Curseur(horizon, ChronoUnit.MICROS.between(Instant.EPOCH, dernier.horodatage()),
                        dernier.id()), identite);
            }
            return new PageMouvements(mouvements, suivant);
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("depuis", requete.depuis().toString());
        details.put("communes", requete.communes().size());
        details.put("page", depart == null ? "premiere" : "suivante");
        details.put("mouvements", page.mouvements().size());
        audit.lecture(actor, TypeAction.LECTURE, t, "MOUVEMENTS", null, details);
        return Optional.of(page);
    }

    /**
     * The first page's horizon: this snapshot's xmin. Later pages keep the cursor's, never beyond
     * the current xmin (a horizon only grows, so this changes nothing for a genuine cursor).
     */
    private long horizon(Curseur depart) {
        return jdbc.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                long xmin = rs.getLong(1);
                return depart == null ? xmin : Math.min(depart.horizon(), xmin);
            }
        });
    }

    private List<Mouvement> mouvements(String territoire, RequeteMouvements requete, long horizon, Curseur depart) {
        StringBuilder sql = new StringBuilder("""
                SELECT m.id, m.horodatage, m.numero_unique, m.type, m.parties
                FROM mouvement m
                WHERE m.territoire = ? AND m.horodatage >= ? AND m.xid < ?::text::xid8""");
        if (depart != null) {
            sql.append(" AND (m.horodatage, m.id) > (?, ?)");
        }
        if (!requete.communes().isEmpty()) {
            // demande_commune's b-tree (text equality is leakproof, so usable under RLS; see V9)
            sql.append(" AND ").append("""
                    EXISTS (SELECT 1 FROM demande_commune dc
                                 WHERE dc.territoire = m.territoire AND dc.numero_unique = m.numero_unique
                                   AND dc.commune = ANY (?::varchar[]))""");
        }
        sql.append(" ORDER BY m.horodatage, m.id LIMIT ?");
        if (!requete.communes().isEmpty()) {
            // the best plan depends on how many applications want these communes (a city or a
            // village): plan with the actual values rather than the driver's reused generic plan
            jdbc.prepareStatement("SET LOCAL plan_cache_mode = force_custom_plan", ps -> ps.execute());
        }
        return jdbc.prepareStatement(sql.toString(), ps -> {
            int i = 1;
            ps.setString(i++, territoire);
            ps.setObject(i++, instant(requete.depuis()));
            ps.setString(i++, Long.toString(horizon));
            if (depart != null) {
                ps.setObject(i++, instant(Instant.EPOCH.plus(depart.horodatageMicros(), ChronoUnit.MICROS)));
                ps.setLong(i++, depart.id());
            }
            if (!requete.communes().isEmpty()) {
                ps.setArray(i++, ps.getConnection().createArrayOf("varchar", requete.communes().toArray()));
            }
            ps.setInt(i, requete.limite() + 1);
            return lire(ps);
        });
    }

    private static List<Mouvement> lire(PreparedStatement ps) throws SQLException {
        List<Mouvement> mouvements = new ArrayList<>();
        try (var rs = ps.executeQuery()) {
            while (rs.next()) {
                String[] parties = (String[]) rs.getArray(5).getArray();
                mouvements.add(new Mouvement(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), Arrays.asList(parties)));
            }
        }
        return mouvements;
    }

    private static OffsetDateTime instant(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
