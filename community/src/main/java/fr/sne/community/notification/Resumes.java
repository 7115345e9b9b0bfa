package fr.sne.community.notification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import fr.sne.tenants.tenancy.Scope;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.community.abonnement.AbonnementRepository;
import fr.sne.community.abonnement.PreferencesCourriel;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceRepository;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.courriel.IssueEnvoi;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The e-mail digests: every morning (Europe/Paris) for those who chose daily, on Monday morning
 * for the others (weekly is the default). Never twice: for each person, one transaction records the
 * digest of the period (unique on person and period), attaches its items and sends the mail; a
 * failure rolls all three back and the next run sends it, a rerun after success finds the period
 * recorded and sends nothing. Items arrived after the run go to the next digest; nothing is lost.
 */
@Singleton
public class Resumes implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(Resumes.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** What one run did. */
    public record Bilan(int envoyes, int dejaEnvoyes, int echecs) {
    }

    private final TenantTransactions transactions;
    private final NotificationRepository repository;
    private final AbonnementRepository abonnements;
    private final EspaceRepository espaces;
    private final Destinataires destinataires;
    private final RedactionCourriels redaction;
    private final Courriels courriels;
    private final Clock clock;

    public Resumes(TenantTransactions transactions, NotificationRepository repository, AbonnementRepository abonnements,
                   EspaceRepository espaces, Destinataires destinataires, RedactionCourriels redaction, Courriels courriels,
                   Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.abonnements = abonnements;
        this.espaces = espaces;
        this.destinataires = destinataires;
        this.redaction = redaction;
        this.courriels = courriels;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("resumes-courriel", Schedules.daily(PARIS, LocalTime.of(7, 0)))
                .execute((instance, context) -> {
                    Bilan bilan = envoyer(clock.instant());
                    LOG.info("Résumés par courriel : {} envoyé(s), {} déjà envoyé(s), {} échec(s)",
                            bilan.envoyes(), bilan.dejaEnvoyes(), bilan.echecs());
                });
    }

    /** The period key of a digest sent at {@code maintenant}: the day, or the week's Monday. */
    public static String periode(PreferencesCourriel.Frequence frequence, Instant maintenant) {
        LocalDate jour = maintenant.atZone(PARIS).toLocalDate();
        return frequence == PreferencesCourriel.Frequence.QUOTIDIEN
                ? "J" + jour : "S" + jour.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** One run at {@code maintenant}: daily digests, and the weekly ones on a Monday; callable from tests. */
    public Bilan envoyer(Instant maintenant) {
        boolean lundi = maintenant.atZone(PARIS).getDayOfWeek() == DayOfWeek.MONDAY;
        List<Long> personnes = transactions.inScope(Scope.nationalEcriture(), () -> repository.enAttenteDeResume(maintenant));
        int envoyes = 0;
        int deja = 0;
        int echecs = 0;
        for (long id : personnes) {
            PreferencesCourriel prefs = transactions.withoutScope(() -> abonnements.preferences(id));
            if (!prefs.courriels() || (prefs.frequence() == PreferencesCourriel.Frequence.HEBDOMADAIRE && !lundi)) {
                continue;
            }
            String periode = periode(prefs.frequence(), maintenant);
            try {
                switch (envoyerA(id, periode, maintenant)) {
                    case ENVOYE -> envoyes++;
                    case DEJA_ENVOYE -> deja++;
                    case RIEN -> { }
                }
            } catch (RuntimeException e) {
                // this person's digest is rolled back whole and tried again at the next run
                echecs++;
                LOG.warn("Résumé de l'utilisateur {} non envoyé : {}", id, e.toString());
            }
        }
        return new Bilan(envoyes, deja, echecs);
    }

    private enum Issue { ENVOYE, DEJA_ENVOYE, RIEN }

    private Issue envoyerA(long utilisateurId, String periode, Instant maintenant) {
        return transactions.inScope(Scope.nationalEcriture(), () -> {
            List<Notification> elements = repository.elementsDeResume(utilisateurId, maintenant);
            Optional<Actor.Professionnel> personne = destinataires.professionnel(utilisateurId);
            if (elements.isEmpty()) {
                return Issue.RIEN;
            }
            // only what the person still sees goes into the mail
            Map<Long, Boolean> voit = new HashMap<>();
            List<Notification> visibles = elements.stream()
                    .filter(n -> personne.isPresent() && voit.computeIfAbsent(n.espaceId(), e -> espaces.parId(e)
                            .map((Espace espace) -> destinataires.voit(personne.get(), espace)).orElse(false)))
                    .toList();
            Optional<Long> resume = repository.enregistrerResume(utilisateurId, periode, visibles.size(), maintenant);
            if (resume.isEmpty()) {
                // already sent for this period: these items wait for the next one
                return Issue.DEJA_ENVOYE;
            }
            repository.rattacher(resume.get(), elements.stream().map(Notification::id).toList());
            if (visibles.isEmpty()) {
                return Issue.RIEN;
            }
            IssueEnvoi issue = courriels.envoyer(redaction.resume(personne.get().email(), utilisateurId, periode, visibles));
            if (issue instanceof IssueEnvoi.Echec echec) {
                throw new IllegalStateException("envoi impossible : " + echec.diagnostic());
            }
            return issue instanceof IssueEnvoi.Envoye ? Issue.ENVOYE : Issue.RIEN;
        });
    }
}
