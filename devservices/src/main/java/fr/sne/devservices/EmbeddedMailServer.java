package fr.sne.devservices;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GreenMail SMTP and IMAP servers on loopback. SMTP keeps every mail it receives, for
 * {@code /dev/mails}; IMAP serves the platform's inbound mailbox ({@link #BOITE_REPONSES}), where
 * replies to notification mails land and which the application polls.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    /** The inbound mailbox's address (replies to notifications are addressed to it). */
    public static final String BOITE_REPONSES = "reponses@sne.test";
    /** Its IMAP password: a development value, on loopback only. */
    public static final String MOT_DE_PASSE_BOITE = "reponses-dev";

    private final GreenMail greenMail;

    private EmbeddedMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static EmbeddedMailServer start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(BOITE_REPONSES, BOITE_REPONSES, MOT_DE_PASSE_BOITE);
        return new EmbeddedMailServer(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Another IMAP mailbox (tests use their own, away from the application's polling job). */
    public void ajouterBoite(String adresse, String motDePasse) {
        greenMail.setUser(adresse, adresse, motDePasse);
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The caught mails, newest first; {@code id} is the mail's position in arrival order. */
    public List<CaughtMail> mails() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<CaughtMail> mails = new ArrayList<>(received.length);
        for (int i = received.length - 1; i >= 0; i--) {
            mails.add(toMail(i, received[i]));
        }
        return mails;
    }

    /** The received messages as they arrived (oldest first), with their attachments, for tests. */
    public List<MimeMessage> messages() {
        return List.of(greenMail.getReceivedMessages());
    }

    private static CaughtMail toMail(int id, MimeMessage m) {
        try {
            return new CaughtMail(id, addresses(m.getFrom()), addresses(m.getAllRecipients()), m.getSubject(),
                    m.getSentDate() == null ? null : m.getSentDate().toInstant(), text(m.getContent()));
        } catch (MessagingException | IOException e) {
            return new CaughtMail(id, "", "", "(courriel illisible)", null, e.getMessage());
        }
    }

    /** The decoded text of a mail: the body itself, or its first text part. */
    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/*") || part.isMimeType("multipart/*")) {
                    return text(part.getContent());
                }
            }
        }
        return "(contenu non textuel)";
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
