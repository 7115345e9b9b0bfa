package fr.sne.community.notification;

import fr.sne.community.abonnement.Cible;
import fr.sne.community.abonnement.JetonDesabonnement;
import fr.sne.tenants.courriel.Courriel;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The notification mails, in French, plain text: the immediate ones (a mention, an important news
 * item) and the digest. Each carries unsubscribe links that work without signing in and the
 * RFC 8058 one-click headers; a mail about a topic gets a Message-ID of its own and
 * {@code Reply-To} the inbound mailbox, so that answering it posts a reply.
 */
@Singleton
public class RedactionCourriels {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final String adresse;
    private final String reponses;
    private final String domaine;
    private final JetonDesabonnement jetons;

    RedactionCourriels(@Value("${sne.communaute.adresse:}") String adresse,
                       @Value("${sne.mail.reponses:}") String reponses,
                       @Value("${sne.mail.from:ne-pas-repondre@sne.test}") String expediteur, JetonDesabonnement jetons) {
        // the portal's public address, for the links of the mails (development default)
        String a = adresse == null || adresse.isBlank() ? "http://localhost:8080" : adresse.strip();
        this.adresse = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        this.reponses = reponses == null ? "" : reponses.strip();
        int arobase = expediteur.lastIndexOf('@');
        this.domaine = arobase < 0 ? "sne.test" : expediteur.substring(arobase + 1).replace(">", "").strip();
        this.jetons = jetons;
    }

    /** Whether replies by mail are possible (an inbound address is configured). */
    public boolean reponsesActivees() {
        return !reponses.isBlank();
    }

    /** A new unique Message-ID for a notification mail. */
    public String nouveauMessageId() {
        return "<notif." + UUID.randomUUID() + "@" + domaine + ">";
    }

    /** The immediate mail of one notification; {@code messageId} set (and Reply-To) when it is about a topic. */
    public Courriel immediat(String destinataire, Notification n, String messageId) {
        String objet = switch (n.motif()) {
            case MENTION -> "Vous avez été mentionné : " + n.titre();
            case IMPORTANT -> "Actualité importante : " + n.titre();
            default -> n.quoi() + " : " + n.titre();
        };
        Optional<Cible> cible = Optional.ofNullable(n.cible()).flatMap(Cible::lire);
        StringBuilder texte = new StringBuilder("Bonjour,\n\n");
        texte.append(switch (n.motif()) {
            case MENTION -> "Vous avez été mentionné dans l’espace « " + n.espaceNom() + " » de SNE Communautés.";
            case IMPORTANT -> "Une actualité importante a été publiée dans l’espace « " + n.espaceNom() + " » de SNE Communautés.";
            default -> n.quoi() + " dans l’espace « " + n.espaceNom() + " » de SNE Communautés.";
        }).append("\n\n").append(n.titre()).append('\n');
        if (!n.extrait().isBlank()) {
            texte.append('\n').append(n.extrait()).append('\n');
        }
        texte.append("\nPour le consulter : ").append(lien(n.url())).append('\n');
        Map<String, String> entetes = new LinkedHashMap<>();
        if (messageId != null) {
            texte.append("\nVous pouvez répondre directement à ce courriel : votre réponse sera publiée dans la discussion,"
                    + " sous votre nom. Écrivez au-dessus du message cité.\n");
            entetes.put("Reply-To", reponses);
        }
        texte.append(pied(n.utilisateurId(), cible));
        entetes.putAll(desabonnement(n.utilisateurId(), cible));
        entetes.put("Auto-Submitted", "auto-generated");
        return new Courriel(destinataire, objet, texte.toString(), List.of(), messageId, entetes);
    }

    /** The digest of a period: items grouped by space, each with its link. */
    public Courriel resume(String destinataire, long utilisateurId, String periode, List<Notification> elements) {
        boolean hebdo = periode.startsWith("S");
        String objet = (hebdo ? "Votre résumé de la semaine" : "Votre résumé du jour") + " — SNE Communautés";
        StringBuilder texte = new StringBuilder("Bonjour,\n\n");
        texte.append(hebdo ? "Voici ce qui s’est passé cette semaine" : "Voici ce qui s’est passé depuis hier")
                .append(" dans les espaces que vous surveillez (").append(elements.size())
                .append(elements.size() > 1 ? " nouveautés" : " nouveauté").append(").\n");
        Map<String, List<Notification>> parEspace = elements.stream()
                .collect(Collectors.groupingBy(Notification::espaceNom, LinkedHashMap::new, Collectors.toList()));
        parEspace.forEach((espace, liste) -> {
            texte.append("\n== ").append(espace).append(" ==\n");
            for (Notification n : liste) {
                texte.append("\n- ").append(n.quoi()).append(" : ").append(n.titre())
                        .append(" (").append(DATE.format(n.creeLe().atZone(PARIS))).append(")\n  ")
                        .append(lien(n.url())).append('\n');
            }
        });
        texte.append("\nVos abonnements et la fréquence de ce résumé : ").append(lien("/communaute/abonnements")).append('\n');
        texte.append(pied(utilisateurId, Optional.empty()));
        Map<String, String> entetes = new LinkedHashMap<>(desabonnement(utilisateurId, Optional.empty()));
        entetes.put("Auto-Submitted", "auto-generated");
        return new Courriel(destinataire, objet, texte.toString(), List.of(), null, entetes);
    }

    /** A polite answer to a reply by mail that could not be posted. */
    public Courriel refus(String destinataire, String objetRecu, String messageIdRecu, String motif) {
        String texte = """
                Bonjour,

                Nous avons bien reçu votre message « %s », mais il n’a pas pu être publié dans la discussion :
                %s

                Vous pouvez répondre directement sur SNE Communautés : %s

                Ce message est envoyé automatiquement.
                """.formatted(objetRecu, motif, lien("/communaute"));
        return new Courriel(destinataire, "Votre réponse n’a pas pu être publiée", texte, List.of(), null,
                Map.of("Auto-Submitted", "auto-replied", "In-Reply-To", messageIdRecu == null ? "" : messageIdRecu));
    }

    /** The unsubscribe page's address for a person and a target (empty: every e-mail). */
    public String lienDesabonnement(long utilisateurId, Optional<Cible> cible) {
        return adresse + "/communaute/desabonnement?jeton=" + URLEncoder.encode(jetons.signer(utilisateurId, cible), StandardCharsets.UTF_8);
    }

    private String pied(long utilisateurId, Optional<Cible> cible) {
        StringBuilder pied = new StringBuilder("\n-- \nSNE Communautés — courriel envoyé automatiquement.\n");
        cible.ifPresent(c -> pied.append("Ne plus recevoir de courriel pour cet abonnement : ")
                .append(lienDesabonnement(utilisateurId, cible)).append('\n'));
        pied.append("Ne plus recevoir aucun courriel de SNE Communautés : ")
                .append(lienDesabonnement(utilisateurId, Optional.empty())).append('\n');
        return pied.toString();
    }

    private Map<String, String> desabonnement(long utilisateurId, Optional<Cible> cible) {
        return Map.of("List-Unsubscribe", "<" + lienDesabonnement(utilisateurId, cible) + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private String lien(String chemin) {
        return chemin.startsWith("http") ? chemin : adresse + chemin;
    }
}
