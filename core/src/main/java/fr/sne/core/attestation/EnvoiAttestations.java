package fr.sne.core.attestation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.core.demande.DemandeEnregistree;
import fr.sne.core.demande.DemandeJson;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.courriel.Courriel;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.courriel.IssueEnvoi;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sending attestations to applicants through a transactional outbox: the row is written in the
 * transaction that registers (or validates) the application, then this job e-mails the
 * simplified attestation as a PDF attachment. Letters go to the desks' postal queue instead when
 * the applicant has no e-mail or is assisted, when the server refuses the recipient, after
 * {@value #TENTATIVES_MAX} failed attempts, or when a bounce is reported later.
 * <p>
 * A row is claimed in one statement (rows claimed elsewhere are skipped), so two nodes never send
 * the same row. Only a node dying between the SMTP acceptance and the recording of it can cause a
 * second sending (the claim is taken again after {@link #ABANDON}).
 */
@Singleton
public class EnvoiAttestations implements TacheRecurrente, ApplicationEventListener<DemandeEnregistree> {

    private static final Logger LOG = LoggerFactory.getLogger(EnvoiAttestations.class);
    private static final Actor SYSTEME = new Actor.Systeme("envoi-attestations");
    static final int TENTATIVES_MAX = 5;
    private static final Duration ABANDON = Duration.ofMinutes(15);
    private static final int PAR_LOT = 20;
    private static final int MAX_PAR_TERRITOIRE = 1000;
    private static final Pattern MESSAGE_ID = Pattern.compile("<?attestation\\.([0-9]{3})\\.[0-9]+\\.[0-9a-f]+@[^>]+>?");

    /** What one run did. */
    public record Bilan(int envoyes, int versCourrier, int reportes) {
    }

    private final TenantTransactions transactions;
    private final EnvoiRepository envois;
    private final AttestationService attestations;
    private final Territoires territoires;
    private final Courriels courriels;
    private final AuditTrail audit;
    private final Clock clock;

    EnvoiAttestations(TenantTransactions transactions, EnvoiRepository envois, AttestationService attestations,
                      Territoires territoires, Courriels courriels, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.envois = envois;
        this.attestations = attestations;
        this.territoires = territoires;
        this.courriels = courriels;
        this.audit = audit;
        this.clock = clock;
    }

    /** A registration plans its attestation in the registering transaction. */
    @Override
    public void onApplicationEvent(DemandeEnregistree e) {
        planifierEnvoi(e.territoire(), e.numeroUnique(), e.guichet(), e.demandeur(), MotifEnvoi.ENREGISTREMENT);
    }

    /**
     * Plans the sending of the simplified attestation: by e-mail, or in the postal queue of
     * {@code guichet} when the applicant has no e-mail or is assisted. Call it inside the
     * transaction (scoped to {@code territoire}) that registers or validates the application, so
     * that both commit together; e.g. on the portal's validation with {@link MotifEnvoi#VALIDATION}
     * and the validating desk.
     */
    public void planifierEnvoi(String territoire, String numero, String guichet, DemandeJson.Demandeur demandeur,
                               MotifEnvoi motif) {
        String mel = demandeur == null || demandeur.mel() == null || demandeur.mel().isBlank() ? null : demandeur.mel().strip();
        RaisonCourrier raison = demandeur != null && Boolean.TRUE.equals(demandeur.assiste()) ? RaisonCourrier.ASSISTE
                : mel == null ? RaisonCourrier.SANS_COURRIEL : null;
        envois.planifier(territoire, numero, guichet, motif, mel, raison);
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("envoi-attestations", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    Bilan bilan = executer();
                    if (bilan.envoyes() + bilan.versCourrier() + bilan.reportes() > 0) {
                        LOG.info("Attestations : {} envoyée(s) par courriel, {} vers les courriers postaux, {} reportée(s)",
                                bilan.envoyes(), bilan.versCourrier(), bilan.reportes());
                    }
                });
    }

    /** One run: every territory's due rows, claimed a few at a time. */
    public Bilan executer() {
        int envoyes = 0;
        int courrier = 0;
        int reportes = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            int traites = 0;
            List<EnvoiRepository.AEnvoyer> lot;
            do {
                Instant abandon = clock.instant().minus(ABANDON);
                lot = transactions.inScope(Scope.territoire(t.code()), () -> envois.reclamer(t.code(), PAR_LOT, abandon));
                for (EnvoiRepository.AEnvoyer a : lot) {
                    switch (envoyer(t.code(), a)) {
                        case ENVOYE -> envoyes++;
                        case COURRIER -> courrier++;
                        case REPORTE -> reportes++;
                    }
                }
                traites += lot.size();
            } while (lot.size() == PAR_LOT && traites < MAX_PAR_TERRITOIRE);
        }
        return new Bilan(envoyes, courrier, reportes);
    }

    private enum Suite { ENVOYE, COURRIER, REPORTE }

    private Suite envoyer(String territoire, EnvoiRepository.AEnvoyer a) {
        IssueEnvoi issue;
        try {
            DemandeJson.Demande demande = attestations.lire(territoire, a.numero()).orElseThrow();
            ContenuAttestation contenu = attestations.contenu(demande);
            byte[] pdf = attestations.rendre(contenu, TypeAttestation.SIMPLIFIEE);
            issue = courriels.envoyer(new Courriel(a.destinataire(), objet(a.motif(), contenu), texte(a.motif(), contenu),
                    List.of(new Courriel.PieceJointe("attestation-" + a.numero() + ".pdf", "application/pdf", pdf)),
                    messageId(territoire, a.id())));
        } catch (RuntimeException e) {
            LOG.warn("Attestation {} : envoi impossible", a.numero(), e);
            issue = new IssueEnvoi.Echec("Erreur interne : " + e.getClass().getSimpleName());
        }
        IssueEnvoi resultat = issue;
        return transactions.inScope(Scope.territoire(territoire), () -> switch (resultat) {
            case IssueEnvoi.Envoye e -> {
                envois.envoye(territoire, a.id(), e.messageId());
                yield Suite.ENVOYE;
            }
            case IssueEnvoi.Refuse r -> {
                envois.versCourrier(territoire, a.id(), RaisonCourrier.REFUS, r.diagnostic());
                yield Suite.COURRIER;
            }
            case IssueEnvoi.Echec e when a.tentatives() >= TENTATIVES_MAX -> {
                envois.versCourrier(territoire, a.id(), RaisonCourrier.ECHECS, e.diagnostic());
                yield Suite.COURRIER;
            }
            case IssueEnvoi.Echec e -> {
                envois.reporter(territoire, a.id(), clock.instant().plus(delai(a.tentatives())), e.diagnostic());
                yield Suite.REPORTE;
            }
        });
    }

    /** 5 minutes, then 20, 80, 320: about 7 hours before the letter goes by post. */
    static Duration delai(int tentatives) {
        return Duration.ofMinutes(5L << (2 * Math.max(0, Math.min(tentatives - 1, 4))));
    }

    /**
     * A bounce notification for a mail sent earlier (e.g. a delivery status notification read
     * from the return mailbox, or a mail provider's webhook): the attestation goes to the postal
     * queue. Returns false when the Message-ID is not one of a sent attestation.
     */
    public boolean signalerRebond(String messageId, String diagnostic) {
        Matcher m = messageId == null ? null : MESSAGE_ID.matcher(messageId.strip());
        if (m == null || !m.matches()) {
            return false;
        }
        String territoire = m.group(1);
        String id = messageId.strip().startsWith("<") ? messageId.strip() : "<" + messageId.strip() + ">";
        if (transactions.withoutScope(() -> territoires.trouver(territoire)).isEmpty()) {
            return false;
        }
        Optional<String> numero = transactions.inScope(Scope.territoire(territoire), () -> {
            Optional<String> n = envois.rebond(territoire, id, diagnostic);
            n.ifPresent(num -> audit.changement(SYSTEME, TypeAction.MODIFICATION, territoire, "ENVOI_ATTESTATION", num,
                    Map.of("etat", "ENVOYE"), Map.of("etat", "A_IMPRIMER", "raison", RaisonCourrier.REBOND.name())));
            return n;
        });
        return numero.isPresent();
    }

    /** Carries the territory, so that a bounce can be traced back without a national scan. */
    private static String messageId(String territoire, long id) {
        byte[] alea = new byte[6];
        ThreadLocalRandom.current().nextBytes(alea);
        return "<attestation." + territoire + "." + id + "." + HexFormat.of().formatHex(alea) + "@sne.attestation>";
    }

    private static String objet(MotifEnvoi motif, ContenuAttestation c) {
        return switch (motif) {
            case ENREGISTREMENT -> "Votre demande de logement social n° " + c.numeroLisible() + " est enregistrée";
            case VALIDATION -> "Votre demande de logement social n° " + c.numeroLisible() + " est validée";
            case RENOUVELLEMENT -> "Votre demande de logement social n° " + c.numeroLisible() + " est renouvelée";
        };
    }

    private static String texte(MotifEnvoi motif, ContenuAttestation c) {
        String evenement = switch (motif) {
            case ENREGISTREMENT -> "a été enregistrée";
            case VALIDATION -> "a été validée et enregistrée";
            case RENOUVELLEMENT -> "a été renouvelée";
        };
        return """
                Bonjour,

                Votre demande de logement social %s par %s (guichet %s).

                Numéro unique : %s
                Date de dépôt : %s (elle fixe l'ancienneté de votre demande)
                À renouveler avant le : %s

                Votre attestation d'enregistrement est jointe à ce message. Conservez-la : votre numéro unique \
                vous sera demandé dans toutes vos démarches.

                L'attestation complète (bailleurs sociaux des communes demandées, recours devant la commission de \
                médiation DALO, récapitulatif de votre demande) est disponible auprès de tout guichet enregistreur.

                Pensez à signaler tout changement de situation et à renouveler votre demande chaque année.

                Ce message est envoyé automatiquement ; merci de ne pas y répondre.
                """.formatted(evenement, c.service().nom(), c.service().code(), c.numeroLisible(), c.dateDepot(),
                c.dateProchainRenouvellement());
    }
}
