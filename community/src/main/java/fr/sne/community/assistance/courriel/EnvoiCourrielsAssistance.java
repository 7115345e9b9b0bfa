package fr.sne.community.assistance.courriel;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.tenants.courriel.Courriel;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.courriel.IssueEnvoi;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends the tickets' queued mails (a persistent job, every 20 seconds). A mail is claimed in one
 * statement that skips rows other nodes are claiming, with a lease ({@link #BAIL}); a temporary
 * failure (server unreachable, 4xx) is retried after a growing delay, up to {@value #TENTATIVES_MAX}
 * attempts; a refused recipient is recorded and never retried. A node dying mid-sending leaves the
 * row claimed: once the lease is over it is sent again with the same Message-ID (a mail may then
 * arrive twice, never zero times; mail clients show one message per Message-ID).
 */
@Singleton
public class EnvoiCourrielsAssistance implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(EnvoiCourrielsAssistance.class);
    static final int TENTATIVES_MAX = 8;
    static final Duration BAIL = Duration.ofMinutes(10);
    private static final int PAR_LOT = 20;

    /** What one run did. */
    public record Bilan(int envoyes, int reportes, int abandonnes) {
    }

    private final TenantTransactions transactions;
    private final FileCourriels file;
    private final Courriels courriels;
    private final Clock clock;
    private final String reponses;

    EnvoiCourrielsAssistance(TenantTransactions transactions, FileCourriels file, Courriels courriels, Clock clock,
                             @Value("${sne.mail.reponses:}") String reponses) {
        this.transactions = transactions;
        this.file = file;
        this.courriels = courriels;
        this.clock = clock;
        this.reponses = reponses;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("assistance-courriels-envoi", Schedules.fixedDelay(Duration.ofSeconds(20)))
                .execute((instance, context) -> {
                    Bilan b = envoyer(clock.instant());
                    if (b.envoyes() + b.reportes() + b.abandonnes() > 0) {
                        LOG.info("Courriels de l'assistance : {} envoyé(s), {} reporté(s), {} abandonné(s)", b.envoyes(), b.reportes(),
                                b.abandonnes());
                    }
                });
    }

    /** One run as at {@code maintenant}: every due mail, a few at a time; callable from tests. */
    public Bilan envoyer(Instant maintenant) {
        int envoyes = 0;
        int reportes = 0;
        int abandonnes = 0;
        List<FileCourriels.AEnvoyer> lot;
        int tours = 0;
        do {
            UUID jeton = UUID.randomUUID();
            lot = transactions.inScope(Scope.nationalEcriture(), () -> file.reclamer(jeton, maintenant, maintenant.minus(BAIL), PAR_LOT));
            for (FileCourriels.AEnvoyer a : lot) {
                IssueEnvoi issue = courriels.envoyer(courriel(a));
                switch (issue) {
                    case IssueEnvoi.Envoye e -> {
                        terminer(a, jeton, "ENVOYE", null, null, maintenant);
                        envoyes++;
                    }
                    case IssueEnvoi.Refuse r -> {
                        terminer(a, jeton, "REFUSE", r.diagnostic(), null, null);
                        abandonnes++;
                    }
                    case IssueEnvoi.Echec e -> {
                        if (a.tentatives() >= TENTATIVES_MAX) {
                            terminer(a, jeton, "ECHEC", e.diagnostic(), null, null);
                            abandonnes++;
                        } else {
                            terminer(a, jeton, "A_ENVOYER", e.diagnostic(), maintenant.plus(delai(a.tentatives())), null);
                            reportes++;
                        }
                    }
                }
            }
        } while (lot.size() == PAR_LOT && ++tours < 50);
        return new Bilan(envoyes, reportes, abandonnes);
    }

    /** 1, 2, 4, 8... minutes, at most 2 hours. */
    static Duration delai(int tentatives) {
        return Duration.ofMinutes(Math.min(120, 1L << Math.min(tentatives - 1, 7)));
    }

    private void terminer(FileCourriels.AEnvoyer a, UUID jeton, String etat, String diagnostic, Instant prochain, Instant envoye) {
        transactions.inScope(Scope.nationalEcriture(), () -> file.terminer(a.id(), jeton, etat, diagnostic, prochain, envoye));
    }

    private Courriel courriel(FileCourriels.AEnvoyer a) {
        Map<String, String> entetes = new LinkedHashMap<>();
        if (reponses != null && !reponses.isBlank()) {
            entetes.put("Reply-To", reponses);
        }
        if (a.inReplyTo() != null) {
            entetes.put("In-Reply-To", a.inReplyTo());
        }
        if (a.chaine() != null && !a.chaine().isBlank()) {
            entetes.put("References", a.chaine());
        }
        entetes.put("Auto-Submitted", "auto-generated");
        return new Courriel(a.destinataire(), a.objet(), a.texte(), List.of(), a.messageId(), entetes);
    }
}
