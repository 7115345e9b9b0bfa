package fr.sne.tenants.courriel;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/** Sends plain-text French mails through the configured SMTP server ({@code sne.mail.*}). */
@Singleton
public class Courriels {

    private static final Logger LOG = LoggerFactory.getLogger(Courriels.class);

    private final Session session;
    private final String expediteur;

    public Courriels(@Value("${sne.mail.host:}") String host, @Value("${sne.mail.port:25}") int port,
                     @Value("${sne.mail.username:}") String username, @Value("${sne.mail.password:}") String password,
                     @Value("${sne.mail.from:ne-pas-repondre@sne.test}") String expediteur) {
        this.expediteur = expediteur;
        if (host == null || host.isBlank()) {
            this.session = null;
            return;
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        boolean auth = username != null && !username.isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        props.put("mail.smtp.starttls.enable", String.valueOf(auth));
        this.session = auth
                ? Session.getInstance(props, new jakarta.mail.Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(username, password);
                    }
                })
                : Session.getInstance(props);
    }

    /** Sends one mail; false (and a log line) when no server is configured or it refuses the mail. */
    public boolean envoyer(String destinataire, String objet, String texte) {
        if (session == null) {
            LOG.warn("Aucun serveur SMTP configuré : courriel « {} » non envoyé", objet);
            return false;
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(expediteur));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(destinataire));
            message.setSubject(objet, "UTF-8");
            message.setText(texte, "UTF-8");
            Transport.send(message);
            return true;
        } catch (MessagingException e) {
            LOG.warn("Courriel « {} » non envoyé : {}", objet, e.getMessage());
            return false;
        }
    }
}
