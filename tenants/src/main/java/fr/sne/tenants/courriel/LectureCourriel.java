package fr.sne.tenants.courriel;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads an IMAP message into a {@link CourrielEntrant}, with bounded text and attachments. */
final class LectureCourriel {

    static final int TEXTE_MAX = 100_000;
    static final int PIECE_MAX = 10 * 1024 * 1024;
    static final int PIECES_MAX = 5;

    private final Clock clock;

    LectureCourriel(Clock clock) {
        this.clock = clock;
    }

    CourrielEntrant lire(Message message) throws MessagingException, IOException {
        String messageId = premier(message.getHeader("Message-ID"));
        if (messageId == null || messageId.isBlank()) {
            // no Message-ID: one made from the content keeps the handlers idempotent anyway
            messageId = "<sans-id-" + Integer.toHexString(java.util.Objects.hash(message.getSubject(), message.getSentDate(),
                    Arrays.toString(message.getFrom()))) + "@sne.local>";
        }
        InternetAddress de = expediteur(message);
        List<String> references = new ArrayList<>();
        String refs = premier(message.getHeader("References"));
        if (refs != null) {
            for (String r : refs.trim().split("\\s+")) {
                if (!r.isBlank()) {
                    references.add(r);
                }
            }
        }
        Contenu contenu = new Contenu();
        lireParties(message, contenu);
        String texte = contenu.texte != null ? contenu.texte : contenu.html != null ? texteDuHtml(contenu.html) : "";
        if (texte.length() > TEXTE_MAX) {
            texte = texte.substring(0, TEXTE_MAX);
        }
        Instant recu = message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : clock.instant();
        return new CourrielEntrant(messageId.strip(), premier(message.getHeader("In-Reply-To")), references,
                de == null ? "" : de.getAddress(), de == null ? null : de.getPersonal(), message.getSubject(), texte, recu,
                automatique(message, de), contenu.pieces);
    }

    private static InternetAddress expediteur(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress ia ? ia : null;
    }

    /** Out-of-office replies, bounces and lists must never get an answer nor become posts (RFC 3834). */
    private static boolean automatique(Message message, InternetAddress de) throws MessagingException {
        String auto = premier(message.getHeader("Auto-Submitted"));
        if (auto != null && !auto.strip().equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = premier(message.getHeader("Precedence"));
        if (precedence != null && List.of("bulk", "junk", "list", "auto_reply").contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null) {
            return true;
        }
        String adresse = de == null ? "" : de.getAddress().toLowerCase(Locale.ROOT);
        return adresse.isEmpty() || adresse.startsWith("mailer-daemon@") || adresse.startsWith("postmaster@");
    }

    private static final class Contenu {
        String texte;
        String html;
        final List<Courriel.PieceJointe> pieces = new ArrayList<>();
    }

    private static void lireParties(Part part, Contenu contenu) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart partie = multipart.getBodyPart(i);
                lireParties(partie, contenu);
            }
            return;
        }
        boolean jointe = Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null;
        if (!jointe && part.isMimeType("text/plain") && contenu.texte == null) {
            contenu.texte = String.valueOf(part.getContent());
        } else if (!jointe && part.isMimeType("text/html") && contenu.html == null) {
            contenu.html = String.valueOf(part.getContent());
        } else if (jointe && contenu.pieces.size() < PIECES_MAX) {
            byte[] octets = lireBorne(part.getInputStream());
            if (octets != null) {
                String nom = part.getFileName() == null ? "piece-jointe" : MimeUtility.decodeText(part.getFileName());
                String type = part.getContentType() == null ? "application/octet-stream" : part.getContentType().split(";")[0].strip();
                contenu.pieces.add(new Courriel.PieceJointe(nom, type, octets));
            }
        }
    }

    /** The attachment's bytes, or null when it is larger than {@link #PIECE_MAX} (dropped). */
    private static byte[] lireBorne(InputStream in) throws IOException {
        try (in) {
            byte[] octets = in.readNBytes(PIECE_MAX + 1);
            return octets.length > PIECE_MAX ? null : octets;
        }
    }

    /** An HTML-only mail's text: enough to read a reply (the quoted part is cut afterwards). */
    static String texteDuHtml(String html) {
        String t = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>", "\n")
                .replaceAll("(?i)<blockquote", "\n> <blockquote")
                .replaceAll("<[^>]*>", "");
        return t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String premier(String[] valeurs) {
        return valeurs == null || valeurs.length == 0 ? null : valeurs[0];
    }
}
