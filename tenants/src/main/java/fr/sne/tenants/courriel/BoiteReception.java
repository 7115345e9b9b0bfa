package fr.sne.tenants.courriel;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.tenants.jobs.TacheRecurrente;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls the inbound mailbox ({@code sne.mail.entrant.*}) over IMAP every 30 seconds and hands
 * each mail to the first {@link TraitementCourrielEntrant} that recognises it. A handled mail is
 * deleted from the mailbox; a mail nobody recognises gets a polite answer (unless it is automatic:
 * no mail loops) and is deleted; a mail whose handling fails stays for the next poll, and after
 * {@value #ESSAIS_MAX} failures is moved to the {@code Erreurs} folder for a person to look at.
 * Persistent job: one node polls at a time.
 */
@Singleton
public class BoiteReception implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(BoiteReception.class);
    static final int ESSAIS_MAX = 5;
    private static final String DOSSIER_ERREURS = "Erreurs";

    /** What one poll did. */
    public record Bilan(int traites, int sansDestinataire, int ignores, int echecs) {
    }

    private final Session session;
    private final String hote;
    private final String utilisateur;
    private final String motDePasse;
    private final boolean ssl;
    private final List<TraitementCourrielEntrant> traitements;
    private final Courriels courriels;
    private final LectureCourriel lecture;
    // failures per Message-ID since start: a poison mail is set aside instead of being retried forever
    private final Map<String, Integer> echecs = new ConcurrentHashMap<>();

    public BoiteReception(@Value("${sne.mail.entrant.host:}") String hote, @Value("${sne.mail.entrant.port:993}") int port,
                          @Value("${sne.mail.entrant.ssl:false}") boolean ssl,
                          @Value("${sne.mail.entrant.utilisateur:}") String utilisateur,
                          @Value("${sne.mail.entrant.mot-de-passe:}") String motDePasse,
                          List<TraitementCourrielEntrant> traitements, Courriels courriels, Clock clock) {
        this.hote = hote;
        this.utilisateur = utilisateur;
        this.motDePasse = motDePasse;
        this.ssl = ssl;
        this.traitements = List.copyOf(traitements);
        this.courriels = courriels;
        this.lecture = new LectureCourriel(clock);
        String protocole = ssl ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocole + ".host", hote == null ? "" : hote);
        props.put("mail." + protocole + ".port", String.valueOf(port));
        props.put("mail." + protocole + ".connectiontimeout", "10000");
        props.put("mail." + protocole + ".timeout", "20000");
        this.session = Session.getInstance(props);
    }

    /** Whether an inbound mailbox is configured (otherwise nobody can reply by mail). */
    public boolean configuree() {
        return hote != null && !hote.isBlank();
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("releve-boite-reception", Schedules.fixedDelay(Duration.ofSeconds(30)))
                .execute((instance, context) -> {
                    Bilan bilan = relever();
                    if (bilan.traites() + bilan.sansDestinataire() + bilan.echecs() > 0) {
                        LOG.info("Boîte de réception : {} réponse(s) traitée(s), {} sans destinataire, {} automatique(s) ignorée(s), {} échec(s)",
                                bilan.traites(), bilan.sansDestinataire(), bilan.ignores(), bilan.echecs());
                    }
                });
    }

    /** One poll of the mailbox; callable from tests. */
    public Bilan relever() {
        if (!configuree()) {
            return new Bilan(0, 0, 0, 0);
        }
        int traites = 0;
        int sansDestinataire = 0;
        int ignores = 0;
        int nbEchecs = 0;
        try (Store store = session.getStore(ssl ? "imaps" : "imap")) {
            store.connect(utilisateur, motDePasse);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    switch (traiter(store, message)) {
                        case TRAITE -> traites++;
                        case SANS_DESTINATAIRE -> sansDestinataire++;
                        case IGNORE -> ignores++;
                        case ECHEC -> nbEchecs++;
                    }
                }
            } finally {
                inbox.close(true);
            }
        } catch (MessagingException e) {
            // the mailbox is unreachable: the mails wait there for the next poll
            LOG.warn("Boîte de réception injoignable : {}", e.getMessage());
        }
        return new Bilan(traites, sansDestinataire, ignores, nbEchecs);
    }

    private enum Issue { TRAITE, SANS_DESTINATAIRE, IGNORE, ECHEC }

    private Issue traiter(Store store, Message message) throws MessagingException {
        CourrielEntrant courriel;
        try {
            courriel = lecture.lire(message);
        } catch (MessagingException | java.io.IOException | RuntimeException e) {
            LOG.warn("Courriel entrant illisible, mis de côté : {}", e.getMessage());
            mettreDeCote(store, message);
            return Issue.ECHEC;
        }
        if (courriel.autoGenere()) {
            message.setFlag(Flags.Flag.DELETED, true);
            return Issue.IGNORE;
        }
        try {
            for (TraitementCourrielEntrant traitement : traitements) {
                if (traitement.concerne(courriel)) {
                    traitement.traiter(courriel);
                    message.setFlag(Flags.Flag.DELETED, true);
                    echecs.remove(courriel.messageId());
                    return Issue.TRAITE;
                }
            }
        } catch (RuntimeException e) {
            int n = echecs.merge(courriel.messageId(), 1, Integer::sum);
            LOG.warn("Courriel entrant {} non traité (essai {}/{}) : {}", courriel.messageId(), n, ESSAIS_MAX, e.toString());
            if (n >= ESSAIS_MAX) {
                mettreDeCote(store, message);
                echecs.remove(courriel.messageId());
            }
            return Issue.ECHEC;
        }
        repondreSansDestinataire(courriel);
        message.setFlag(Flags.Flag.DELETED, true);
        return Issue.SANS_DESTINATAIRE;
    }

    private void repondreSansDestinataire(CourrielEntrant courriel) {
        if (courriel.expediteur().isBlank()) {
            return;
        }
        String texte = """
                Bonjour,

                Nous avons bien reçu votre message « %s », mais il ne répond à aucune notification en cours : nous n'avons pas pu le rattacher à une discussion ni à une demande d'assistance.

                Pour répondre, utilisez la fonction « Répondre » de votre messagerie sur le courriel de notification reçu, ou rendez-vous sur SNE Communautés.

                Ce message est envoyé automatiquement.
                """.formatted(courriel.objet());
        courriels.envoyer(new Courriel(courriel.expediteur(), "Votre message n'a pas pu être rattaché", texte, List.of(), null,
                Map.of("Auto-Submitted", "auto-replied", "In-Reply-To", courriel.messageId())));
    }

    private static void mettreDeCote(Store store, Message message) throws MessagingException {
        Folder erreurs = store.getFolder(DOSSIER_ERREURS);
        if (!erreurs.exists()) {
            erreurs.create(Folder.HOLDS_MESSAGES);
        }
        message.getFolder().copyMessages(new Message[]{message}, erreurs);
        message.setFlag(Flags.Flag.DELETED, true);
    }
}
