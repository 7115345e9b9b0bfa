package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The development mailbox shows what the embedded SMTP server caught. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevMailTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aMailSentToTheEmbeddedServerIsListedAndReadable() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(SharedTestServices.get().mailServer().port()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("ne-pas-repondre@sne.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("demandeur@sne.test"));
        message.setSubject("Votre demande 038112500000138001 est enregistrée", "UTF-8");
        message.setText("Bonjour,\nvotre demande de logement social est enregistrée.\n<b>pas du HTML</b>", "UTF-8");
        Transport.send(message);

        WebClient web = new WebClient(server);
        HttpResponse<String> list = web.page("/dev/mails");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("Votre demande 038112500000138001 est enregistrée"), list.body());

        // other tests' attestation mails may be listed too: open the one with this subject
        Matcher link = Pattern.compile("href=\"/dev/mails/(\\d+)\"").matcher(list.body());
        HttpResponse<String> mail = null;
        while (link.find() && mail == null) {
            HttpResponse<String> candidat = web.page("/dev/mails/" + link.group(1));
            if (candidat.body().contains("Votre demande 038112500000138001 est enregistrée")) {
                mail = candidat;
            }
        }
        assertTrue(mail != null, "a link to the mail is expected");
        assertEquals(200, mail.statusCode());
        assertTrue(mail.body().contains("votre demande de logement social est enregistrée"), mail.body());
        assertTrue(mail.body().contains("&lt;b&gt;pas du HTML&lt;/b&gt;"), "the body is shown as text, escaped");

        assertEquals(404, web.page("/dev/mails/99999").statusCode());
    }
}
