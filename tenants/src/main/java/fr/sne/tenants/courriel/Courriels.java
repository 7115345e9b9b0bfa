package fr.sne.tenants.courriel;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Properties;

/**
 * Sends French mails (plain text, optionally with attachments) through the configured SMTP
 * server ({@code sne.mail.*}).
 */
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
        return envoyer(new Courriel(destinataire, objet, texte, List.of(), null)) instanceof IssueEnvoi.Envoye;
    }

    /** Sends one mail and says how it went: sent, refused for good (recipient rejected) or failed (worth retrying). */
    public IssueEnvoi envoyer(Courriel courriel) {
        if (session == null) {
            LOG.warn("Aucun serveur SMTP configuré : courriel non envoyé");
            return new IssueEnvoi.Echec("Aucun serveur SMTP configuré");
        }
        try {
            MimeMessage message = message(courriel);
            Transport.send(message);
            return new IssueEnvoi.Envoye(message.getMessageID());
        } catch (AddressException e) {
            return new IssueEnvoi.Refuse("Adresse invalide : " + e.getMessage());
        } catch (SendFailedException e) {
            // the server's reply usually quotes the recipient: it goes to the caller, not to the logs
            LOG.warn("Courriel non envoyé : {}", e.getClass().getSimpleName());
            // the server answered the recipient with a 5xx (JavaMail lists it as invalid): final
            Address[] invalides = e.getInvalidAddresses();
            return invalides != null && invalides.length > 0
                    ? new IssueEnvoi.Refuse(diagnostic(e)) : new IssueEnvoi.Echec(diagnostic(e));
        } catch (MessagingException e) {
            LOG.warn("Courriel non envoyé : {}", e.getClass().getSimpleName());
            return new IssueEnvoi.Echec(diagnostic(e));
        }
    }

    private MimeMessage message(Courriel courriel) throws MessagingException {
        String messageId = courriel.messageId();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", messageId);
                }
            }
        };
        message.setFrom(new InternetAddress(expediteur));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(courriel.destinataire(), true));
        message.setSubject(courriel.objet(), "UTF-8");
        for (var entete : courriel.entetes().entrySet()) {
            message.setHeader(entete.getKey(), entete.getValue());
        }
        if (courriel.piecesJointes().isEmpty()) {
            message.setText(courriel.texte(), "UTF-8");
            return message;
        }
        MimeMultipart parties = new MimeMultipart("mixed");
        MimeBodyPart texte = new MimeBodyPart();
        texte.setText(courriel.texte(), "UTF-8");
        parties.addBodyPart(texte);
        for (Courriel.PieceJointe pj : courriel.piecesJointes()) {
            MimeBodyPart partie = new MimeBodyPart();
            partie.setDataHandler(new DataHandler(new ByteArrayDataSource(pj.contenu(), pj.typeMime())));
            partie.setFileName(pj.nom());
            partie.setDisposition(Part.ATTACHMENT);
            parties.addBodyPart(partie);
        }
        message.setContent(parties);
        return message;
    }

    /** The server's own words when there are some (e.g. "550 5.1.1 user unknown"), else the exception's. */
    private static String diagnostic(MessagingException e) {
        StringBuilder texte = new StringBuilder(String.valueOf(e.getMessage()));
        Exception suivante = e.getNextException();
        for (int i = 0; suivante != null && i < 3; i++) {
            texte.append(" ; ").append(suivante.getMessage());
            suivante = suivante instanceof MessagingException m ? m.getNextException() : null;
        }
        String s = texte.toString().replaceAll("\\s+", " ").strip();
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
