package fr.sne.tenants.courriel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mail read from the inbound mailbox (a reply to one of the platform's notifications).
 *
 * @param messageId   its own {@code Message-ID} (features store it to stay idempotent)
 * @param inReplyTo   the {@code In-Reply-To} header: the notification it answers, when the client kept it
 * @param references  the {@code References} chain, oldest first
 * @param expediteur  the sender's address, lower case (the {@code From} header's address)
 * @param texte       the plain-text body (text/plain part, or the HTML part's text)
 * @param autoGenere  an automatic mail (out-of-office, bounce, list): never answered, never posted
 */
public record CourrielEntrant(String messageId, String inReplyTo, List<String> references, String expediteur,
                             String nomExpediteur, String objet, String texte, Instant recuLe, boolean autoGenere,
                             List<Courriel.PieceJointe> piecesJointes) {

    // the first line of a quoted reply, as French and English mail clients write it
    private static final Pattern DEBUT_CITATION = Pattern.compile(
            "^(le .{1,200} a écrit ?:|on .{1,200} wrote:|-{2,} ?(message d'origine|original message|message transféré) ?-{2,}|de ?: .+|from: .+)$",
            Pattern.CASE_INSENSITIVE);

    public CourrielEntrant {
        references = List.copyOf(references);
        piecesJointes = List.copyOf(piecesJointes);
        expediteur = expediteur == null ? "" : expediteur.strip().toLowerCase(Locale.ROOT);
        texte = texte == null ? "" : texte;
        objet = objet == null ? "" : objet;
    }

    /** Every Message-ID this mail answers: In-Reply-To first, then the References, newest first. */
    public List<String> repondA() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            ids.add(inReplyTo.strip());
        }
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        return List.copyOf(ids);
    }

    /** What the sender wrote: the body without the quoted message below it, nor the signature. */
    public String reponse() {
        StringBuilder sb = new StringBuilder();
        for (String ligne : texte.replace("\r\n", "\n").split("\n", -1)) {
            String l = ligne.strip();
            if (l.startsWith(">") || DEBUT_CITATION.matcher(l).matches() || l.equals("--")) {
                break;
            }
            sb.append(ligne.stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }
}
