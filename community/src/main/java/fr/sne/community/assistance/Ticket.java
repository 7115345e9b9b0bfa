package fr.sne.community.assistance;

import java.time.Instant;
import java.util.Map;

/**
 * A support ticket ("demande d'assistance").
 *
 * @param territoire          the requester's territory (their active habilitation's), null for a national requester
 * @param cle                 e.g. {@code AST-2026-000123}: shown everywhere and put in mail subjects
 * @param champs              the request type's own fields, by code
 * @param organisation        the requester's organisation at creation (a desk, or a territory for a GT), or null
 * @param partageOrganisation whether the organisation's members may read it
 */
public record Ticket(long id, String territoire, String cle, long typeId, ApplicationAssistee application,
                     ThemeAssistance theme, Priorite priorite, String resume, String descriptionMarkdown,
                     Map<String, String> champs, long demandeurId, String demandeurNom, String demandeurCourriel,
                     Organisation organisation, boolean partageOrganisation, StatutTicket statut, Long agentId,
                     String agentNom, Instant creeLe, Instant premiereReponseLe, Instant resoluLe, Instant termineLe,
                     Instant modifieLe, int version) {

    public Ticket {
        champs = champs == null ? Map.of() : Map.copyOf(champs);
    }

    /** The pattern of a key in a text (mail subjects): {@code AST-2026-000123}. */
    public static final java.util.regex.Pattern CLE = java.util.regex.Pattern.compile("\\bAST-\\d{4}-\\d{6,}\\b");

    public String url() {
        return "/assistance/" + cle;
    }

    public String idRecherche() {
        return idRecherche(id);
    }

    public static String idRecherche(long id) {
        return "ticket:" + id;
    }
}
