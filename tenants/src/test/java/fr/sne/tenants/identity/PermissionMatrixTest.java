package fr.sne.tenants.identity;

import fr.sne.tenants.apiclient.ActionClientApi;
import fr.sne.tenants.apiclient.ClientApiPolicy;
import fr.sne.tenants.audit.ActionAudit;
import fr.sne.tenants.audit.AuditPolicy;
import fr.sne.tenants.guichet.ActionGuichet;
import fr.sne.tenants.guichet.GuichetPolicy;
import fr.sne.tenants.habilitation.ActionHabilitation;
import fr.sne.tenants.habilitation.HabilitationPolicy;
import fr.sne.tenants.piece.ActionPiece;
import fr.sne.tenants.piece.PiecePolicy;
import fr.sne.tenants.territoire.ActionTerritoire;
import fr.sne.tenants.territoire.TerritoirePolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole permission matrix, profile × action × (own territory, another territory), written
 * out as a table a person can read and compare with the rules of the service. Later features add
 * their rows here.
 */
class PermissionMatrixTest {

    // A = allowed, R = refused (403), N = not found (404: outside the actor's territory)
    // columns: GE, GM, CSI, CDE, CSE, GT, ASS, ADM
    //   (guichet enregistreur, guichet manager, consultant simple/demande/sensible, gestionnaire territorial,
    //    assistance nationale, administrateur national)
    private static final String[][] MATRIX = {
            // action                         own territory            other territory
            {"GUICHET.CONSULTER",            "A A A A A A A A",       "N N N N N N A A"},
            {"GUICHET.CREER",                "R R R R R A R A",       "N N N N N N R A"},
            {"GUICHET.MODIFIER",             "R R R R R A R A",       "N N N N N N R A"},
            {"GUICHET.DESACTIVER",           "R R R R R A R A",       "N N N N N N R A"},
            {"HABILITATION.DEMANDER",        "A A A A A A A A",       "A A A A A A A A"},
            {"HABILITATION.CONSULTER",       "R R R R R A A A",       "N N N N N N A A"},
            {"HABILITATION.CERTIFIER",       "R R R R R A R A",       "N N N N N N R A"},
            {"HABILITATION.SUSPENDRE",       "R R R R R A R A",       "N N N N N N R A"},
            {"HABILITATION.REVOQUER",        "R R R R R A R A",       "N N N N N N R A"},
            {"HABILITATION.REACTIVER",       "R R R R R A R A",       "N N N N N N R A"},
            {"HABILITATION.REVUE",           "R R R R R A R A",       "N N N N N N R A"},
            {"AUDIT.CONSULTER",              "R R R R R A A A",       "N N N N N N A A"},
            {"AUDIT.EXPORTER",               "R R R R R A A A",       "N N N N N N A A"},
            {"TERRITOIRE.CONSULTER",         "A A A A A A A A",       "N N N N N N A A"},
            {"TERRITOIRE.MODIFIER",          "R R R R R R R A",       "N N N N N N R A"},
            {"TERRITOIRE.OUVRIR_EVENEMENTS", "R R R R R A R A",       "N N N N N N R A"},
            {"CLIENT_API.CONSULTER",         "R R R R R A A A",       "N N N N N N A A"},
            {"CLIENT_API.CREER",             "R R R R R A R A",       "N N N N N N R A"},
            {"CLIENT_API.DESACTIVER",        "R R R R R A R A",       "N N N N N N R A"},
            {"PIECE.LISTER",                 "A A A A A A A R",       "N N N N N N A R"},
            {"PIECE.LISTER_SENSIBLE",        "A A R R A R R R",       "N N N N N N R R"},
            {"PIECE.OUVRIR",                 "A A R A A A A R",       "N N N N N N A R"},
            {"PIECE.OUVRIR_SENSIBLE",        "A A R R A R R R",       "N N N N N N R R"},
            {"PIECE.DEPOSER",                "A A R R R A R R",       "N N N N N N R R"},
            {"PIECE.QUALIFIER",              "A A R R R A R R",       "N N N N N N R R"},
            {"PIECE.SUPPRIMER",              "A A R R R R R R",       "N N N N N N R R"},
    };

    private static final List<Profil> COLUMNS = List.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER,
            Profil.CONSULTANT_SIMPLE, Profil.CONSULTANT_DEMANDE, Profil.CONSULTANT_SENSIBLE,
            Profil.GESTIONNAIRE_TERRITORIAL, Profil.ASSISTANCE_NATIONALE, Profil.ADMINISTRATEUR_NATIONAL);

    private final GuichetPolicy guichets = new GuichetPolicy();
    private final HabilitationPolicy habilitations = new HabilitationPolicy();
    private final AuditPolicy audit = new AuditPolicy();
    private final TerritoirePolicy territoires = new TerritoirePolicy();
    private final ClientApiPolicy clients = new ClientApiPolicy();
    private final PiecePolicy pieces = new PiecePolicy();

    private static Actor.Professionnel actor(Profil profil) {
        Habilitation h = switch (profil.portee()) {
            case GUICHET -> new Habilitation(1, profil, "38001", "ACTIS", "038", "Isère");
            case TERRITOIRE -> new Habilitation(1, profil, null, null, "038", "Isère");
            case NATIONALE -> new Habilitation(1, profil, null, null, null, null);
        };
        return new Actor.Professionnel(1, "x@sne.test", "X", "Y", List.of(h), null);
    }

    private Decision decide(String action, Actor actor, String territoire) {
        String[] parts = action.split("\\.");
        return switch (parts[0]) {
            case "GUICHET" -> guichets.decider(actor, ActionGuichet.valueOf(parts[1]), territoire);
            case "HABILITATION" -> habilitations.decider(actor, ActionHabilitation.valueOf(parts[1]), territoire);
            case "AUDIT" -> audit.decider(actor, ActionAudit.valueOf(parts[1]), territoire);
            case "TERRITOIRE" -> territoires.decider(actor, ActionTerritoire.valueOf(parts[1]), territoire);
            case "CLIENT_API" -> clients.decider(actor, ActionClientApi.valueOf(parts[1]), territoire);
            case "PIECE" -> pieces.decider(actor, ActionPiece.valueOf(parts[1]), territoire, null);
            default -> throw new IllegalArgumentException(action);
        };
    }

    private static Decision expected(String letter) {
        return switch (letter) {
            case "A" -> Decision.AUTORISEE;
            case "R" -> Decision.REFUSEE;
            case "N" -> Decision.INTROUVABLE;
            default -> throw new IllegalArgumentException(letter);
        };
    }

    @Test
    void everyProfileGetsExactlyTheDecisionOfTheTable() {
        List<String> mismatches = new ArrayList<>();
        for (String[] row : MATRIX) {
            String[] own = row[1].split(" ");
            String[] other = row[2].split(" ");
            for (int i = 0; i < COLUMNS.size(); i++) {
                Actor actor = actor(COLUMNS.get(i));
                check(mismatches, row[0], COLUMNS.get(i), "038", expected(own[i]), decide(row[0], actor, "038"));
                check(mismatches, row[0], COLUMNS.get(i), "030", expected(other[i]), decide(row[0], actor, "030"));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theMatrixCoversEveryActionOfEveryPolicy() {
        Map<String, Integer> expected = new java.util.TreeMap<>();
        for (ActionGuichet a : ActionGuichet.values()) expected.put("GUICHET." + a, 1);
        for (ActionHabilitation a : ActionHabilitation.values()) expected.put("HABILITATION." + a, 1);
        for (ActionAudit a : ActionAudit.values()) expected.put("AUDIT." + a, 1);
        for (ActionTerritoire a : ActionTerritoire.values()) expected.put("TERRITOIRE." + a, 1);
        for (ActionClientApi a : ActionClientApi.values()) expected.put("CLIENT_API." + a, 1);
        for (ActionPiece a : ActionPiece.values()) expected.put("PIECE." + a, 1);
        Map<String, Integer> covered = new java.util.TreeMap<>();
        for (String[] row : MATRIX) covered.merge(row[0], 1, Integer::sum);
        assertEquals(expected, covered);
    }

    @Test
    void withoutActiveHabilitationNothingButARequestIsAllowed() {
        Actor.Professionnel sans = new Actor.Professionnel(1, "x@sne.test", "X", "Y", List.of(), null);
        Map<String, Decision> decisions = new java.util.TreeMap<>();
        for (String[] row : MATRIX) decisions.put(row[0], decide(row[0], sans, "038"));
        Map<String, Decision> expected = new java.util.TreeMap<>();
        for (String[] row : MATRIX) expected.put(row[0], row[0].equals("HABILITATION.DEMANDER") ? Decision.AUTORISEE : Decision.REFUSEE);
        assertEquals(expected, decisions);
        assertEquals(Decision.REFUSEE, habilitations.decider(new Actor.Anonyme(), ActionHabilitation.DEMANDER, null));
        assertEquals(Decision.REFUSEE, guichets.decider(new Actor.Particulier(1, "d@sne.test", "D", "D"), ActionGuichet.CONSULTER, "038"));
    }

    private static void check(List<String> mismatches, String action, Profil profil, String territoire,
                              Decision expected, Decision actual) {
        if (expected != actual) {
            mismatches.add(action + " " + profil + " " + territoire + ": expected " + expected + ", got " + actual);
        }
    }

}
