package fr.sne.tenants.piece;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The applicant's and the vendors' rows of the documents' policy (the profiles' rows are in PermissionMatrixTest). */
class PiecePolicyTest {

    private final PiecePolicy policy = new PiecePolicy();

    private Map<ActionPiece, Decision> decisions(Actor actor, String territoire, Long compte) {
        Map<ActionPiece, Decision> m = new EnumMap<>(ActionPiece.class);
        for (ActionPiece a : ActionPiece.values()) {
            m.put(a, policy.decider(actor, a, territoire, compte));
        }
        return m;
    }

    private static Map<ActionPiece, Decision> attendu(String lettres) {
        Map<ActionPiece, Decision> m = new EnumMap<>(ActionPiece.class);
        String[] l = lettres.split(" ");
        for (ActionPiece a : ActionPiece.values()) {
            m.put(a, switch (l[a.ordinal()]) {
                case "A" -> Decision.AUTORISEE;
                case "R" -> Decision.REFUSEE;
                default -> Decision.INTROUVABLE;
            });
        }
        return m;
    }

    @Test
    void theApplicantListsOpensAndDepositsTheirOwnDocumentsOnlyAndNeverQualifiesOrDeletesThem() {
        Actor.Particulier demandeur = new Actor.Particulier(7, "d@sne.test", "D", "D");
        // LISTER LISTER_SENSIBLE OUVRIR OUVRIR_SENSIBLE DEPOSER QUALIFIER SUPPRIMER
        assertEquals(attendu("A A A A A R R"), decisions(demandeur, "038", 7L));
        assertEquals(attendu("N N N N N N N"), decisions(demandeur, "038", 8L));
        assertEquals(attendu("N N N N N N N"), decisions(demandeur, "038", null));
    }

    @Test
    void aVendorsSystemWorksLikeItsDeskButNeverSeesSensitiveDocumentsNorMaskedOriginals() {
        Actor.ClientApi client = new Actor.ClientApi("editeur-actis", "38001", "038", List.of("demandes", "mouvements"));
        assertEquals(attendu("A R A R A A A"), decisions(client, "038", null));
        assertEquals(attendu("N N N N N N N"), decisions(client, "030", null));
        Actor.ClientApi sansPortee = new Actor.ClientApi("editeur-x", "38001", "038", List.of("mouvements"));
        assertEquals(attendu("R R R R R R R"), decisions(sansPortee, "038", null));
    }

    @Test
    void nobodyElseGetsAnything() {
        assertEquals(attendu("R R R R R R R"), decisions(new Actor.Anonyme(), "038", null));
        assertEquals(attendu("R R R R R R R"), decisions(new Actor.Systeme("x"), "038", null));
    }
}
