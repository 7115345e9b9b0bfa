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

/** GreenMail SMTP server on loopback that keeps every mail it receives, for {@code /dev/mails}. */
public final class EmbeddedMailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private EmbeddedMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static EmbeddedMailServer start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new EmbeddedMailServer(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
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
