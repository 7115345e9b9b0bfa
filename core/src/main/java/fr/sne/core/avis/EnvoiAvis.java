package fr.sne.core.avis;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.core.demande.DemandeService;
import fr.sne.tenants.courriel.Courriel;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.courriel.IssueEnvoi;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends the planned renewal notices (a persistent job, every minute): e-mails through
 * {@link Courriels}, SMS through the {@link FournisseurSms}; letters wait in the desks' postal
 * queue ({@link CourriersAvisService}). Each run first cancels the pending sendings of
 * applications renewed or radiated meanwhile.
 * <p>
 * <b>Never twice.</b> A sending is claimed in one statement that skips rows other nodes are
 * claiming; a claimed row is no longer due, so two nodes never hold the same one. The claim
 * carries a token and a lease ({@link #BAIL}): only the claim's holder records the outcome. A node
 * that dies after claiming leaves the row claimed; once the lease is over:
 * <ul>
 * <li>an SMS is claimed again and sent with the same idempotency key: the operator de-duplicates
 * it, so the applicant gets it once (unless its application was renewed or radiated meanwhile, or
 * it used its {@value #TENTATIVES_MAX} attempts: then it is "incertain" too, never retried);</li>
 * <li>an e-mail is not sent again: SMTP has no such key and the mail may have left before the
 * crash. It is recorded "envoi incertain" (shown on the application); its Message-ID is fixed per
 * sending, so that a mail re-sent by hand is recognised by mail systems. The applicant is still
 * warned by the SMS and, if not renewed, by the registered letter.</li>
 * </ul>
 * A temporary failure (the server or the operator said "later") is retried after a growing delay;
 * a refusal, or {@value #TENTATIVES_MAX} failures, is recorded as such, and when every digital
 * sending of a notice failed, a postal letter carries it instead.
 */
@Singleton
public class EnvoiAvis implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(EnvoiAvis.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final int TENTATIVES_MAX = 5;
    /** How long a claim holds: far above one sending (10 s SMTP timeouts), so a live node always records first. */
    static final Duration BAIL = Duration.ofMinutes(15);
    private static final int PAR_LOT = 20;
    private static final int MAX_PAR_TERRITOIRE = 1000;

    /** What one run did. */
    public record Bilan(int envoyes, int reportes, int echecs, int annules, int incertains) {

        Bilan plus(Bilan b) {
            return new Bilan(envoyes + b.envoyes, reportes + b.reportes, echecs + b.echecs, annules + b.annules,
                    incertains + b.incertains);
        }
    }

    private final TenantTransactions transactions;
    private final AvisRepository avis;
    private final Territoires territoires;
    private final Courriels courriels;
    private final FournisseurSms sms;
    private final TextesAvis textes;
    private final JournalAvis journal;
    private final Clock clock;

    EnvoiAvis(TenantTransactions transactions, AvisRepository avis, Territoires territoires, Courriels courriels,
              FournisseurSms sms, TextesAvis textes, JournalAvis journal, Clock clock) {
        this.transactions = transactions;
        this.avis = avis;
        this.territoires = territoires;
        this.courriels = courriels;
        this.sms = sms;
        this.textes = textes;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("avis-renouvellement-envoi", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    Bilan b = envoyer(clock.instant());
                    if (b.envoyes() + b.reportes() + b.echecs() + b.annules() + b.incertains() > 0) {
                        LOG.info("Avis de renouvellement : {} envoyé(s), {} reporté(s), {} en échec, {} annulé(s), {} incertain(s)",
                                b.envoyes(), b.reportes(), b.echecs(), b.annules(), b.incertains());
                    }
                });
    }

    /** One run as at {@code maintenant}: every territory's due sendings, claimed a few at a time. */
    public Bilan envoyer(Instant maintenant) {
        LocalDate aujourdhui = maintenant.atZone(PARIS).toLocalDate();
        Bilan bilan = new Bilan(0, 0, 0, 0, 0);
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            String territoire = t.code();
            int annules = transactions.inScope(Scope.territoire(territoire), () -> annuler(territoire, aujourdhui, maintenant));
            int incertains = transactions.inScope(Scope.territoire(territoire),
                    () -> incertains(territoire, aujourdhui, maintenant));
            bilan = bilan.plus(new Bilan(0, 0, 0, annules, incertains));
            int traites = 0;
            List<AvisRepository.AEnvoyer> lot;
            do {
                UUID jeton = UUID.randomUUID();
                lot = transactions.inScope(Scope.territoire(territoire),
                        () -> avis.reclamer(territoire, jeton, maintenant, maintenant.minus(BAIL), aujourdhui, TENTATIVES_MAX,
                                PAR_LOT));
                for (AvisRepository.AEnvoyer a : lot) {
                    bilan = bilan.plus(envoyer(territoire, a, jeton, maintenant));
                }
                traites += lot.size();
            } while (lot.size() == PAR_LOT && traites < MAX_PAR_TERRITOIRE);
        }
        return bilan;
    }

    private int annuler(String territoire, LocalDate aujourdhui, Instant maintenant) {
        List<AvisRepository.Annule> annules = avis.annulerPerimes(territoire, aujourdhui, maintenant);
        for (AvisRepository.Annule a : annules) {
            journal.changement(JournalAvis.SYSTEME, territoire, a.numero(), a.id(), a.nature(), a.canal(), a.echeance(),
                    a.canal().numerique() ? EtatEnvoi.A_ENVOYER : EtatEnvoi.A_IMPRIMER, EtatEnvoi.ANNULE,
                    Map.of("motif", a.motif()));
        }
        return annules.size();
    }

    private int incertains(String territoire, LocalDate aujourdhui, Instant maintenant) {
        List<AvisRepository.Incertain> incertains = avis.marquerIncertains(territoire, maintenant.minus(BAIL), aujourdhui,
                TENTATIVES_MAX);
        for (AvisRepository.Incertain i : incertains) {
            LOG.warn("Avis de renouvellement {} : {} pris sans résultat, envoi incertain (non renvoyé)", i.numero(), i.canal());
            journal.changement(JournalAvis.SYSTEME, territoire, i.numero(), i.id(), i.nature(), i.canal(), i.echeance(),
                    EtatEnvoi.EN_COURS, EtatEnvoi.INCERTAIN, Map.of());
        }
        return incertains.size();
    }

    /** Sends one claimed row (outside any transaction), then records the outcome in its own. */
    private Bilan envoyer(String territoire, AvisRepository.AEnvoyer a, UUID jeton, Instant maintenant) {
        IssueEnvoi issue;
        try {
            issue = switch (a.canal()) {
                case COURRIEL -> {
                    TextesAvis.Message m = textes.courriel(a);
                    yield courriels.envoyer(new Courriel(a.destinataire(), m.objet(), m.texte(), List.of(),
                            messageId(territoire, a.id())));
                }
                case SMS -> sms.envoyer(new FournisseurSms.Sms(cleIdempotence(territoire, a.id()), territoire,
                        a.destinataire(), textes.sms(a)));
                default -> throw new IllegalStateException("Not a digital channel: " + a.canal());
            };
        } catch (RuntimeException e) {
            LOG.warn("Avis de renouvellement {} : envoi impossible", a.numero(), e);
            issue = new IssueEnvoi.Echec("Erreur interne : " + e.getClass().getSimpleName());
        }
        IssueEnvoi resultat = issue;
        return transactions.inScope(Scope.territoire(territoire), () -> consigner(territoire, a, jeton, resultat, maintenant));
    }

    private Bilan consigner(String territoire, AvisRepository.AEnvoyer a, UUID jeton, IssueEnvoi issue, Instant maintenant) {
        return switch (issue) {
            case IssueEnvoi.Envoye e -> {
                if (avis.envoye(territoire, a.id(), jeton, e.messageId(), maintenant)) {
                    journal.parti(JournalAvis.SYSTEME, territoire, a.numero(), a.id(), a.nature(), a.canal(), a.echeance(),
                            EtatEnvoi.EN_COURS, EtatEnvoi.ENVOYE, Map.of("tentatives", a.tentatives()));
                    yield new Bilan(1, 0, 0, 0, 0);
                }
                // an SMS whose lease ran out: another node holds it now and records it
                LOG.warn("Avis de renouvellement {} : envoyé, mais la prise avait expiré et changé de main", a.numero());
                yield new Bilan(0, 0, 0, 0, 0);
            }
            case IssueEnvoi.Refuse r -> echec(territoire, a, jeton, r.diagnostic());
            case IssueEnvoi.Echec e when a.tentatives() >= TENTATIVES_MAX -> echec(territoire, a, jeton, e.diagnostic());
            case IssueEnvoi.Echec e -> {
                avis.reporter(territoire, a.id(), jeton, maintenant.plus(ReglesAvis.delai(a.tentatives())), e.diagnostic());
                yield new Bilan(0, 1, 0, 0, 0);
            }
        };
    }

    private Bilan echec(String territoire, AvisRepository.AEnvoyer a, UUID jeton, String diagnostic) {
        if (!avis.echec(territoire, a.id(), jeton, diagnostic)) {
            return new Bilan(0, 0, 0, 0, 0);
        }
        boolean courrier = avis.courrierDeSecours(territoire, a.avis(),
                ReglesAvis.guichetCourrier(a.guichet(), DemandeService.GUICHET_PORTAIL));
        journal.changement(JournalAvis.SYSTEME, territoire, a.numero(), a.id(), a.nature(), a.canal(), a.echeance(),
                EtatEnvoi.EN_COURS, EtatEnvoi.ECHEC, Map.of("tentatives", a.tentatives(), "courrierDeSecours", courrier));
        return new Bilan(0, 0, 1, 0, 0);
    }

    /** The same for every attempt of one sending: the operator sends it once. */
    static String cleIdempotence(String territoire, long envoi) {
        return "avis-renouvellement-" + territoire + "-" + envoi;
    }

    /** Fixed per sending (not random): a copy sent again by hand is recognised as the same message. */
    static String messageId(String territoire, long envoi) {
        return "<avis-renouvellement." + territoire + "." + envoi + "@sne.avis>";
    }
}
