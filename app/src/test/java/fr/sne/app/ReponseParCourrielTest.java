package fr.sne.app;

import fr.sne.community.espace.Espace;
import fr.sne.community.notification.Repartition;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import fr.sne.tenants.courriel.BoiteReception;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reply by e-mail, through GreenMail's SMTP and IMAP: the notification mail is caught, answered
 * over SMTP to the inbound mailbox with In-Reply-To, the mailbox is polled, and the reply reaches
 * the forums for the right topic and member. From another address: a polite refusal, nothing posted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class ReponseParCourrielTest implements SharedServicesTest {

    @Inject
    ApplicationContext context;
    @Inject
    Repartition repartition;
    @Inject
    BoiteReception boite;
    @Inject
    ReponseParCourrielEnregistree forums;

    private NotificationFixture f;
    private long isere;
    private long gard;

    @BeforeAll
    void preparer() {
        f = new NotificationFixture(context);
        isere = f.utilisateur("gt.isere@sne.test");
        gard = f.utilisateur("gt.gard@sne.test");
        repartition.executer();
    }

    /** A topic where gt.gard mentions gt.isere; the mention's mail she received. */
    private MimeMessage notification(long sujet, String titre) {
        Espace entraide = f.espace("entraide");
        f.publier(entraide, f.sujet(entraide, sujet, titre, gard, Set.of(isere)));
        repartition.executer();
        List<MimeMessage> mails = NotificationFixture.courriels("gt.isere@sne.test", titre);
        assertEquals(1, mails.size());
        return mails.getFirst();
    }

    @Test
    void une_reponse_au_courriel_de_notification_est_publiee_dans_le_bon_sujet() throws Exception {
        long sujet = NotificationFixture.nouveauSujet();
        MimeMessage notification = notification(sujet, "Attestation perdue " + sujet);
        String messageId = NotificationFixture.entete(notification, "Message-ID");

        String idReponse = repondre("gt.isere@sne.test", notification, """
                Je m'en occupe demain matin.

                Le 22 nov. 2026 à 10:00, SNE Communautés <ne-pas-repondre@sne.test> a écrit :
                > Vous avez été mentionné
                """);
        boite.relever();

        List<ReponseParCourrielEnregistree.Appel> appels = forums.appels().stream().filter(a -> a.sujetId() == sujet).toList();
        assertEquals(1, appels.size(), "one reply posted");
        ReponseParCourrielEnregistree.Appel appel = appels.getFirst();
        assertEquals(isere, appel.utilisateurId());
        assertEquals("Je m'en occupe demain matin.", appel.texte());
        assertEquals(idReponse, appel.messageIdCourriel());
        assertTrue(messageId.endsWith("@sne.test>"));
    }

    @Test
    void une_reponse_d_une_autre_adresse_est_refusee_poliment_sans_rien_publier() throws Exception {
        long sujet = NotificationFixture.nouveauSujet();
        MimeMessage notification = notification(sujet, "Dossier bloqué " + sujet);

        repondre("gt.gard@sne.test", notification, "Je réponds à sa place.");
        boite.relever();

        assertTrue(forums.appels().stream().noneMatch(a -> a.sujetId() == sujet), "nothing posted");
        List<MimeMessage> refus = NotificationFixture.courriels("gt.gard@sne.test", "Votre réponse n’a pas pu être publiée");
        assertTrue(refus.stream().anyMatch(m -> NotificationFixture.texte(m).contains("Dossier bloqué " + sujet)
                && NotificationFixture.texte(m).contains("seul le membre")), "a polite refusal");
        assertEquals("auto-replied", NotificationFixture.entete(refus.getLast(), "Auto-Submitted"));
    }

    @Test
    void un_refus_des_forums_est_explique_a_l_expediteur() throws Exception {
        long sujet = NotificationFixture.nouveauSujet();
        MimeMessage notification = notification(sujet, "Sujet verrouillé " + sujet);
        forums.refuser(sujet, "le sujet est verrouillé par un modérateur.");

        repondre("gt.isere@sne.test", notification, "Une précision encore.");
        boite.relever();

        assertEquals(1, forums.appels().stream().filter(a -> a.sujetId() == sujet).count());
        assertTrue(NotificationFixture.courriels("gt.isere@sne.test", "Votre réponse n’a pas pu être publiée").stream()
                .anyMatch(m -> NotificationFixture.texte(m).contains("le sujet est verrouillé par un modérateur.")));
    }

    /** Answers the notification as a mail client does: to its Reply-To, with In-Reply-To and References; returns the reply's Message-ID. */
    private static String repondre(String de, MimeMessage notification, String texte) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(SharedTestServices.get().mailServer().port()));
        MimeMessage reponse = new MimeMessage(Session.getInstance(p));
        reponse.setFrom(new InternetAddress(de));
        reponse.setRecipients(Message.RecipientType.TO, NotificationFixture.entete(notification, "Reply-To"));
        reponse.setSubject("RE: " + notification.getSubject(), "UTF-8");
        reponse.setText(texte, "UTF-8");
        String id = NotificationFixture.entete(notification, "Message-ID");
        reponse.setHeader("In-Reply-To", id);
        reponse.setHeader("References", id);
        Transport.send(reponse);
        return reponse.getMessageID();
    }
}
