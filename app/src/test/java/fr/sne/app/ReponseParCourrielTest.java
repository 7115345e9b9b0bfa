package fr.sne.app;

import fr.sne.community.notification.Repartition;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import fr.sne.tenants.courriel.BoiteReception;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reply by e-mail, end to end through GreenMail's SMTP and IMAP and the real forums: a mention's
 * notification mail is caught, answered over SMTP to the inbound mailbox with In-Reply-To, the
 * mailbox is polled, and the reply is posted once in the right topic as the member the mail was
 * sent to. From another address, or to a locked topic: a polite refusal, nothing posted.
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
    EmbeddedServer server;

    private NotificationFixture f;
    private WebClient gtIsere;
    private WebClient gtGard;
    private long categorie;
    private long categorieGtNational;

    @BeforeAll
    void preparer() {
        f = new NotificationFixture(context);
        repartition.executer();
        gtIsere = new WebClient(server);
        gtIsere.signInAs("gt.isere@sne.test");
        gtGard = new WebClient(server);
        gtGard.signInAs("gt.gard@sne.test");
        // gt.isere moderates the "entraide" space of the demo data
        categorie = ForumTest.categorie(gtIsere, "entraide", ForumTest.unique("Par courriel"), "0", false);
        // gt.gard moderates "gt-national", where gt.isere is a plain member (moderators may still answer a locked topic)
        categorieGtNational = ForumTest.categorie(gtGard, "gt-national", ForumTest.unique("Par courriel"), "0", false);
    }

    /** A real topic where gt.gard mentions gt.isere, and the mention's mail she received. */
    private MimeMessage notification(long sujet, String titre) {
        repartition.executer();
        List<MimeMessage> mails = NotificationFixture.courriels("gt.isere@sne.test", titre);
        assertEquals(1, mails.size());
        return mails.getFirst();
    }

    private long sujet(String titre) {
        return sujet(categorie, titre);
    }

    private long sujet(long categorie, String titre) {
        return ForumTest.sujet(gtGard, categorie, titre, "Bonjour @gt.isere, une attestation a disparu. Une idée ?");
    }

    private static long messagesParCourriel(long sujet, String messageId) throws SQLException {
        try (Connection c = SiteInformationTest.owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM forum_message WHERE sujet_id = ? AND message_id_courriel = ?")) {
            ps.setLong(1, sujet);
            ps.setString(2, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void une_reponse_au_courriel_de_notification_est_publiee_dans_le_bon_sujet() throws Exception {
        String titre = ForumTest.unique("Attestation perdue");
        long sujet = sujet(titre);
        MimeMessage notification = notification(sujet, titre);
        String messageId = NotificationFixture.entete(notification, "Message-ID");

        String idReponse = repondre("gt.isere@sne.test", notification, """
                Je m'en occupe demain matin.

                Le 22 nov. 2026 à 10:00, SNE Communautés <ne-pas-repondre@sne.test> a écrit :
                > Vous avez été mentionné
                """);
        boite.relever();
        // the same mail delivered again (a crash before the mailbox was cleaned): still one post
        repondreAvecId("gt.isere@sne.test", notification, "Je m'en occupe demain matin.", idReponse);
        boite.relever();

        assertTrue(messageId.endsWith("@sne.test>"));
        assertEquals(1, messagesParCourriel(sujet, idReponse), "one reply posted, once");
        String page = gtGard.page("/communaute/forum/sujets/" + sujet).body();
        assertTrue(page.contains("occupe demain matin."), "the reply is in the topic");
        assertFalse(page.contains("a écrit :"), "the quoted notification is not posted");
        assertTrue(page.contains("Claire Moreau"), "posted as the member the notification was sent to");
    }

    @Test
    void une_reponse_d_une_autre_adresse_est_refusee_poliment_sans_rien_publier() throws Exception {
        String titre = ForumTest.unique("Dossier bloqué");
        long sujet = sujet(titre);
        MimeMessage notification = notification(sujet, titre);

        String id = repondre("gt.gard@sne.test", notification, "Je réponds à sa place.");
        boite.relever();

        assertEquals(0, messagesParCourriel(sujet, id), "nothing posted");
        assertFalse(gtIsere.page("/communaute/forum/sujets/" + sujet).body().contains("Je réponds à sa place."));
        List<MimeMessage> refus = NotificationFixture.courriels("gt.gard@sne.test", "Votre réponse n’a pas pu être publiée");
        assertTrue(refus.stream().anyMatch(m -> NotificationFixture.texte(m).contains(titre)
                && NotificationFixture.texte(m).contains("seul le membre")), "a polite refusal");
        assertEquals("auto-replied", NotificationFixture.entete(refus.getLast(), "Auto-Submitted"));
    }

    @Test
    void un_refus_des_forums_est_explique_a_l_expediteur() throws Exception {
        String titre = ForumTest.unique("Sujet verrouillé");
        long sujet = sujet(categorieGtNational, titre);
        MimeMessage notification = notification(sujet, titre);
        assertEquals(303, gtGard.submit("/communaute/forum/sujets/" + sujet + "/verrou",
                Map.of("verrouille", "true", "motif", "Discussion close")).statusCode());

        String id = repondre("gt.isere@sne.test", notification, "Une précision encore.");
        boite.relever();

        assertEquals(0, messagesParCourriel(sujet, id), "a locked topic takes no reply, by mail neither");
        assertTrue(NotificationFixture.courriels("gt.isere@sne.test", "Votre réponse n’a pas pu être publiée").stream()
                .anyMatch(m -> NotificationFixture.texte(m).contains("verrouillé")));
    }

    /** Answers the notification as a mail client does: to its Reply-To, with In-Reply-To and References; returns the reply's Message-ID. */
    private static String repondre(String de, MimeMessage notification, String texte) throws Exception {
        return repondreAvecId(de, notification, texte, null);
    }

    private static String repondreAvecId(String de, MimeMessage notification, String texte, String messageId) throws Exception {
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
        if (messageId != null) {
            reponse.saveChanges();
            reponse.setHeader("Message-ID", messageId);
        }
        Transport.send(reponse);
        return reponse.getMessageID();
    }
}
