package fr.sne.community.assistance.recherche;

import fr.sne.community.forum.IndexationSujets;
import fr.sne.community.recherche.Recherche;
import fr.sne.community.recherche.RechercheService;
import fr.sne.community.recherche.Resultats;
import fr.sne.tenants.identity.Actor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * What may already answer a ticket being typed: knowledge-base and documentation articles of the
 * information site, forum topics and wiki pages, found by the search engine with the requester's
 * own visibility. Never tickets (another person's ticket is not an answer to show).
 */
@Singleton
public class Suggestions {

    /** Content types suggested: the information site's, solved forum topics and wiki pages. */
    static final Set<String> TYPES = Set.of("faq", "guide", "documentation", "document", "note-version", "incident",
            "maintenance", "texte-reference", IndexationSujets.TYPE_RESOLU, "page", "base-connaissance");
    static final int NOMBRE = 5;
    static final int LONGUEUR_MIN = 4;
    private static final Logger LOG = LoggerFactory.getLogger(Suggestions.class);

    private final RechercheService recherche;

    Suggestions(RechercheService recherche) {
        this.recherche = recherche;
    }

    public List<Resultats.Resultat> pour(Actor actor, String resume) {
        String texte = resume == null ? "" : resume.strip();
        if (texte.length() < LONGUEUR_MIN) {
            return List.of();
        }
        try {
            Recherche r = new Recherche(texte.length() > 200 ? texte.substring(0, 200) : texte, TYPES, Set.of(), Set.of(), Set.of(), 1,
                    Recherche.Tri.PERTINENCE);
            return recherche.rechercher(actor, r).resultats().stream().limit(NOMBRE).toList();
        } catch (RuntimeException e) {
            // suggestions help; their failure must never stop a ticket being filed
            LOG.warn("Suggestions indisponibles : {}", e.toString());
            return List.of();
        }
    }

    /** Ids of the tickets matching a full-text search, best first (at most {@code max}), as the actor may see them. */
    public List<Long> tickets(Actor actor, String texte, int max) {
        List<Long> ids = new java.util.ArrayList<>();
        Recherche r = new Recherche(texte, Set.of(IndexationTickets.TYPE), Set.of(), Set.of(), Set.of(), 1, Recherche.Tri.PERTINENCE);
        for (int page = 1; ids.size() < max && page <= max / Recherche.PAR_PAGE + 1; page++) {
            Resultats res = recherche.rechercher(actor, r.page(page));
            for (Resultats.Resultat x : res.resultats()) {
                if (x.id().startsWith("ticket:") && ids.size() < max) {
                    ids.add(Long.parseLong(x.id().substring("ticket:".length())));
                }
            }
            if (page >= res.pages()) {
                break;
            }
        }
        return ids;
    }
}
