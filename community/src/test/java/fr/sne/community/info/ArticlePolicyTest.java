package fr.sne.community.info;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The information site's permission matrix, written out like tenants' PermissionMatrixTest:
 * profile × action × target (national content, the actor's territory's page, another territory's page).
 */
class ArticlePolicyTest {

    // A = allowed, R = refused (403), N = not found (404: another territory's page)
    // columns: GE, GM, CSI, CDE, CSE, GT, ASS, ADM
    private static final String[][] MATRIX = {
            // action              national content          own territory's page       other territory's page
            {"ARTICLE.GERER",      "R R R R R A R A",        "R R R R R A R A",         "R R R R R A R A"},
            {"ARTICLE.REDIGER",    "R R R R R R R A",        "R R R R R A R A",         "N N N N N N R A"},
    };

    private static final List<Profil> COLUMNS = List.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER,
            Profil.CONSULTANT_SIMPLE, Profil.CONSULTANT_DEMANDE, Profil.CONSULTANT_SENSIBLE,
            Profil.GESTIONNAIRE_TERRITORIAL, Profil.ASSISTANCE_NATIONALE, Profil.ADMINISTRATEUR_NATIONAL);

    private final ArticlePolicy policy = new ArticlePolicy();

    private static Actor.Professionnel actor(Profil profil) {
        Habilitation h = switch (profil.portee()) {
            case GUICHET -> new Habilitation(1, profil, "38001", "ACTIS", "038", "Isère");
            case TERRITOIRE -> new Habilitation(1, profil, null, null, "038", "Isère");
            case NATIONALE -> new Habilitation(1, profil, null, null, null, null);
        };
        return new Actor.Professionnel(1, "x@sne.test", "X", "Y", List.of(h), null);
    }

    private static char code(Decision d) {
        return switch (d) {
            case AUTORISEE -> 'A';
            case REFUSEE -> 'R';
            case INTROUVABLE -> 'N';
        };
    }

    @Test
    void everyCellOfTheMatrix() {
        List<String> differences = new ArrayList<>();
        String[] cibles = {null, "038", "030"};
        for (String[] ligne : MATRIX) {
            ActionArticle action = ActionArticle.valueOf(ligne[0].split("\\.")[1]);
            for (int c = 0; c < cibles.length; c++) {
                String[] attendus = ligne[c + 1].split(" ");
                for (int p = 0; p < COLUMNS.size(); p++) {
                    char obtenu = code(policy.decider(actor(COLUMNS.get(p)), action, cibles[c]));
                    if (obtenu != attendus[p].charAt(0)) {
                        differences.add(ligne[0] + " " + (cibles[c] == null ? "national" : cibles[c]) + " " + COLUMNS.get(p)
                                + ": attendu " + attendus[p] + ", obtenu " + obtenu);
                    }
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void nobodyWithoutAHabilitationWritesButThePlatformDoes() {
        Actor sansHabilitation = new Actor.Professionnel(2, "nouvel.agent@sne.test", "I", "G", List.of(), null);
        assertEquals(Decision.REFUSEE, policy.decider(sansHabilitation, ActionArticle.GERER, null));
        assertEquals(Decision.REFUSEE, policy.decider(new Actor.Anonyme(), ActionArticle.REDIGER, null));
        assertEquals(Decision.REFUSEE, policy.decider(new Actor.Particulier(3, "d@sne.test", "J", "D"), ActionArticle.REDIGER, "038"));
        assertEquals(Decision.AUTORISEE, policy.decider(new Actor.Systeme("demo"), ActionArticle.REDIGER, null));
    }

    @Test
    void readers() {
        assertEquals(Lecteur.PUBLIC, policy.lecteur(new Actor.Anonyme()));
        assertEquals(Lecteur.PUBLIC, policy.lecteur(new Actor.Particulier(3, "d@sne.test", "J", "D")));
        assertEquals(Lecteur.PUBLIC, policy.lecteur(new Actor.Professionnel(2, "n@sne.test", "I", "G", List.of(), null)));

        Lecteur guichet = policy.lecteur(actor(Profil.GUICHET_ENREGISTREUR));
        assertTrue(guichet.peutLire(Audience.PROFESSIONNELS, null));
        assertTrue(guichet.peutLire(Audience.TERRITOIRE, "038"));
        assertFalse(guichet.peutLire(Audience.TERRITOIRE, "030"));
        assertEquals(Set.of("038"), guichet.territoiresDesListes());

        Lecteur admin = policy.lecteur(actor(Profil.ADMINISTRATEUR_NATIONAL));
        assertTrue(admin.peutLire(Audience.TERRITOIRE, "030"));
        assertEquals(Set.of(), admin.territoiresDesListes());

        Lecteur public_ = Lecteur.PUBLIC;
        assertTrue(public_.peutLire(Audience.PUBLIC, null));
        assertFalse(public_.peutLire(Audience.PROFESSIONNELS, null));
        assertFalse(public_.peutLire(Audience.TERRITOIRE, "038"));
    }

    @Test
    void aPersonHoldingTwoTerritoriesReadsBothTerritoriesPages() {
        Habilitation isere = new Habilitation(1, Profil.GUICHET_ENREGISTREUR, "38001", "ACTIS", "038", "Isère");
        Habilitation gard = new Habilitation(2, Profil.GUICHET_ENREGISTREUR, "30001", "Logis Cévenols", "030", "Gard");
        Lecteur l = policy.lecteur(new Actor.Professionnel(1, "x@sne.test", "X", "Y", List.of(isere, gard), 1L));
        assertTrue(l.peutLire(Audience.TERRITOIRE, "030"));
        assertEquals(Set.of("038"), l.territoiresDesListes(), "lists show the active habilitation's territory");
        assertEquals(2, l.scopesPages().size());
    }
}
