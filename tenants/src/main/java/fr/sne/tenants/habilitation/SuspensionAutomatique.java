package fr.sne.tenants.habilitation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every night: a habilitation unused for 6 months is suspended (its holder can ask the GT to
 * reactivate it); 15 days before, its holder is warned by e-mail. "Used" means the holder's last
 * sign-in, or the last certification, confirmation or reactivation when later.
 */
@Singleton
public class SuspensionAutomatique implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(SuspensionAutomatique.class);
    private static final Actor SYSTEME = new Actor.Systeme("suspension-automatique");
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));
    private static final String DERNIERE_ACTIVITE =
            "greatest(u.derniere_connexion, h.certifiee_le, h.confirmee_le, h.cree_le)";

    /** What one run did. */
    public record Bilan(int suspendues, int avertissements) {
    }

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final Territoires territoires;
    private final Courriels courriels;
    private final AuditTrail audit;
    private final Clock clock;

    SuspensionAutomatique(TenantTransactions transactions, JdbcOperations jdbc, Territoires territoires,
                          Courriels courriels, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.territoires = territoires;
        this.courriels = courriels;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("suspension-automatique-habilitations",
                        Schedules.daily(ZoneId.of("Europe/Paris"), LocalTime.of(2, 30)))
                .execute((instance, context) -> {
                    Bilan bilan = executer(clock.instant());
                    LOG.info("Suspension automatique : {} habilitation(s) suspendue(s), {} avertissement(s)",
                            bilan.suspendues(), bilan.avertissements());
                });
    }

    /** One run as of {@code maintenant}, territory by territory (each in its own scope). */
    public Bilan executer(Instant maintenant) {
        Instant limite = maintenant.atOffset(ZoneOffset.UTC).minusMonths(6).toInstant();
        Instant seuilAvertissement = limite.plusSeconds(15L * 24 * 3600);
        int suspendues = 0;
        int avertissements = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            suspendues += transactions.inScope(Scope.territoire(t.code()), () -> suspendre(t.code(), limite, maintenant));
            for (Avertissement a : transactions.inScope(Scope.territoire(t.code()),
                    () -> aAvertir(limite, seuilAvertissement))) {
                if (avertir(a)) {
                    transactions.inScope(Scope.territoire(t.code()), () -> marquerAverti(a.id(), maintenant));
                    avertissements++;
                }
            }
        }
        // national habilitations carry no territory: narrow functions handle them
        List<Long> nationales = transactions.withoutScope(() -> jdbc.prepareStatement(
                "SELECT sne_suspendre_nationales_inactives(?, ?)", ps -> {
                    ps.setTimestamp(1, Timestamp.from(limite));
                    ps.setTimestamp(2, Timestamp.from(maintenant));
                    return ids(ps.executeQuery());
                }));
        for (long id : nationales) {
            audit.lecture(SYSTEME, TypeAction.MODIFICATION, null, "HABILITATION", String.valueOf(id),
                    Map.of("statut", "SUSPENDUE", "motif", "INACTIVITE"));
        }
        suspendues += nationales.size();
        for (Avertissement a : transactions.withoutScope(() -> jdbc.prepareStatement(
                "SELECT id, email, profil, NULL AS guichet_nom, derniere_activite FROM sne_nationales_a_avertir(?, ?)", ps -> {
                    ps.setTimestamp(1, Timestamp.from(limite));
                    ps.setTimestamp(2, Timestamp.from(seuilAvertissement));
                    return avertissements(ps.executeQuery());
                }))) {
            if (avertir(a)) {
                transactions.withoutScope(() -> jdbc.prepareStatement("SELECT sne_nationale_avertie(?, ?)", ps -> {
                    ps.setLong(1, a.id());
                    ps.setTimestamp(2, Timestamp.from(maintenant));
                    return ps.execute();
                }));
                avertissements++;
            }
        }
        return new Bilan(suspendues, avertissements);
    }

    private boolean avertir(Avertissement a) {
        String objet = "SNE : votre habilitation sera suspendue le " + JOUR.format(a.suspensionLe());
        String texte = """
                Bonjour,

                Vous ne vous êtes pas connecté(e) au Système national d'enregistrement depuis le %s.
                Sans connexion de votre part, votre habilitation « %s » sera suspendue le %s.

                Pour la conserver, il suffit de vous connecter avant cette date.

                Ce message est envoyé automatiquement ; merci de ne pas y répondre.
                """.formatted(JOUR.format(a.derniereActivite()), a.libelle(), JOUR.format(a.suspensionLe()));
        return courriels.envoyer(a.email(), objet, texte);
    }

    private static List<Long> ids(ResultSet rs) throws java.sql.SQLException {
        try (rs) {
            List<Long> list = new ArrayList<>();
            while (rs.next()) {
                list.add(rs.getLong(1));
            }
            return list;
        }
    }

    private static List<Avertissement> avertissements(ResultSet rs) throws java.sql.SQLException {
        try (rs) {
            List<Avertissement> list = new ArrayList<>();
            while (rs.next()) {
                Instant derniere = rs.getTimestamp("derniere_activite").toInstant();
                String profil = fr.sne.tenants.identity.Profil.valueOf(rs.getString("profil")).libelle();
                String guichet = rs.getString("guichet_nom");
                list.add(new Avertissement(rs.getLong("id"), rs.getString("email"),
                        guichet == null ? profil : profil + " — " + guichet, derniere,
                        derniere.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant()));
            }
            return list;
        }
    }

    private int suspendre(String territoire, Instant limite, Instant maintenant) {
        List<Long> ids = jdbc.prepareStatement("""
                UPDATE habilitation h SET statut = 'SUSPENDUE', motif_suspension = 'INACTIVITE', suspendue_le = ?,
                       version = version + 1, modifie_le = now()
                  FROM utilisateur u
                 WHERE u.id = h.utilisateur_id AND h.statut = 'ACTIVE' AND %s < ?
                RETURNING h.id""".formatted(DERNIERE_ACTIVITE), ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setTimestamp(2, Timestamp.from(limite));
            return ids(ps.executeQuery());
        });
        for (long id : ids) {
            audit.changement(SYSTEME, TypeAction.MODIFICATION, territoire, "HABILITATION", String.valueOf(id),
                    Map.of("statut", "ACTIVE"), Map.of("statut", "SUSPENDUE", "motif", "INACTIVITE"));
        }
        return ids.size();
    }

    private record Avertissement(long id, String email, String libelle, Instant derniereActivite, Instant suspensionLe) {
    }

    private List<Avertissement> aAvertir(Instant limite, Instant seuil) {
        return jdbc.prepareStatement("""
                SELECT h.id, u.email, h.profil, g.nom AS guichet_nom, %s AS derniere_activite
                  FROM habilitation h JOIN utilisateur u ON u.id = h.utilisateur_id
                  LEFT JOIN guichet_nom g ON g.code = h.guichet
                 WHERE h.statut = 'ACTIVE'
                   AND (h.avertissement_inactivite_le IS NULL OR h.avertissement_inactivite_le < %s)
                   AND %s < ? AND %s >= ?""".formatted(DERNIERE_ACTIVITE, DERNIERE_ACTIVITE, DERNIERE_ACTIVITE, DERNIERE_ACTIVITE), ps -> {
            ps.setTimestamp(1, Timestamp.from(seuil));
            ps.setTimestamp(2, Timestamp.from(limite));
            return avertissements(ps.executeQuery());
        });
    }

    private int marquerAverti(long id, Instant maintenant) {
        return jdbc.prepareStatement("UPDATE habilitation SET avertissement_inactivite_le = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }
}
