package fr.sne.community.recherche;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nobody sees, counts or is suggested what they may not open: the visibility is a filter of the
 * query, so hits, totals and every facet count agree with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibiliteTest {

    private final MoteurRecherche moteur = Fixtures.moteur();
    private final VisibiliteRecherche politique = new VisibiliteRecherche(List.of(
            // a feature's own tokens: members of space 7
            actor -> actor instanceof Actor.Professionnel p && p.email().equals("membre@sne.test") ? Set.of(Acces.espace(7)) : Set.of()));

    @BeforeAll
    void indexer() {
        moteur.indexer(Fixtures.doc("public:1", "actualite", "Cotation publique", "La cotation expliquée à tous.", Set.of(Acces.PUBLIC), "cotation"));
        moteur.indexer(Fixtures.doc("pro:1", "guide", "Cotation pour les professionnels", "Le guide de la cotation des guichets.",
                Set.of(Acces.PROFESSIONNEL), "cotation"));
        moteur.indexer(Fixtures.doc("isere:1", "guide", "Cotation en Isère", "La grille de cotation de l'Isère, zircon.",
                Set.of(Acces.territoire("038")), "cotation", "isere"));
        moteur.indexer(Fixtures.doc("gard:1", "note-locale", "Cotation dans le Gard", "La grille de cotation du Gard, zyzomys, zircone.",
                Set.of(Acces.territoire("030")), "cotation", "gard"));
        moteur.indexer(new DocumentIndexe("espace:1", "sujet", "Cotation entre membres", "Discussion sur la cotation.",
                List.of("cotation"), "Espace des GT", Fixtures.MAINTENANT, "/communaute/espaces/7/sujets/1", Set.of(Acces.espace(7))));
        moteur.indexer(Fixtures.doc("personne:1", "guide", "Cotation sans règle", "Aucun jeton d'accès.", Set.of()));
        moteur.attendreVisibilite();
    }

    @AfterAll
    void fermer() {
        moteur.close();
    }

    private Resultats chercher(Actor actor) {
        return moteur.rechercher(Recherche.de("cotation"), politique.de(actor));
    }

    private static Set<String> ids(Resultats r) {
        return Set.copyOf(r.resultats().stream().map(Resultats.Resultat::id).toList());
    }

    @Test
    void anonymousVisitorsAndApplicantsSeePublicItemsOnly() {
        for (Actor actor : List.of(new Actor.Anonyme(), new Actor.Particulier(1, "a@b.fr", "A", "B"),
                new Actor.Professionnel(11, "nouveau@sne.test", "N", "A", List.of(), null))) {
            Resultats r = chercher(actor);
            assertEquals(Set.of("public:1"), ids(r), actor.toString());
            assertEquals(1, r.total());
            assertEquals(1, RechercheTest.nombre(r, "theme", "cotation"));
            assertEquals(0, RechercheTest.nombre(r, "type", "guide"));
            assertEquals(0, RechercheTest.nombre(r, "espace", "Espace des GT"));
            assertTrue(RechercheTest.facette(r, "type").valeurs().stream().allMatch(v -> v.code().equals("actualite")));
        }
    }

    @Test
    void aProfessionalOfIsereNeverSeesTheGardsItem() {
        Resultats r = chercher(Fixtures.agent038());
        assertEquals(Set.of("public:1", "pro:1", "isere:1"), ids(r));
        assertEquals(3, r.total());
        assertEquals(3, RechercheTest.nombre(r, "theme", "cotation"));
        assertEquals(1, RechercheTest.nombre(r, "theme", "isere"));
        assertEquals(0, RechercheTest.nombre(r, "theme", "gard"));
        assertEquals(0, RechercheTest.nombre(r, "type", "note-locale"));
        assertEquals(2, RechercheTest.nombre(r, "type", "guide"));
        // not even through a filter on the Gard's own type or theme
        Resultats filtre = moteur.rechercher(Recherche.de("cotation").types("note-locale"), politique.de(Fixtures.agent038()));
        assertEquals(0, filtre.total());
        assertEquals(List.of(), filtre.resultats());
        assertEquals(0, moteur.rechercher(Recherche.de("cotation").themes("gard"), politique.de(Fixtures.agent038())).total());
        // nor through the spelling suggestion: the Gard's rare word is never proposed
        Resultats faute = moteur.rechercher(Recherche.de("zyzomis"), politique.de(Fixtures.agent038()));
        assertEquals(0, faute.total());
        assertNull(faute.suggestion());
        assertEquals("zyzomys", moteur.rechercher(Recherche.de("zyzomis"), politique.de(Fixtures.pro("030", Profil.GESTIONNAIRE_TERRITORIAL))).suggestion());
        // "zircon" (Isère) and "zircone" (Gard) share a stem: the Gard sees its own spelling only
        assertEquals("zircone", moteur.rechercher(Recherche.de("zircom"), politique.de(Fixtures.pro("030", Profil.GESTIONNAIRE_TERRITORIAL))).suggestion());
        assertEquals("zircon", moteur.rechercher(Recherche.de("zircom"), politique.de(Fixtures.agent038())).suggestion());
    }

    @Test
    void theIdsAloneFollowTheSameVisibility() {
        assertEquals(Set.of("public:1", "pro:1", "isere:1"),
                Set.copyOf(moteur.identifiants(Recherche.de("cotation"), politique.de(Fixtures.agent038()))));
        assertEquals(List.of("public:1"), moteur.identifiants(Recherche.de("cotation"), politique.de(new Actor.Anonyme())));
    }

    @Test
    void nationalProfilesSeeEveryTerritory() {
        Resultats r = chercher(Fixtures.national());
        assertEquals(Set.of("public:1", "pro:1", "isere:1", "gard:1"), ids(r));
        assertEquals(1, RechercheTest.nombre(r, "type", "note-locale"));
    }

    @Test
    void aProfessionalSeesEachTerritoryOfTheirHabilitations() {
        Habilitation isere = new Habilitation(1, Profil.GUICHET_ENREGISTREUR, "38001", "Actis", "038", "Isère");
        Habilitation gard = new Habilitation(2, Profil.CONSULTANT_SIMPLE, "30001", "Logis", "030", "Gard");
        Actor.Professionnel deux = new Actor.Professionnel(12, "deux@sne.test", "D", "T", List.of(isere, gard), 1L);
        assertEquals(Set.of("public:1", "pro:1", "isere:1", "gard:1"), ids(chercher(deux)));
    }

    @Test
    void featuresAddTheirOwnTokens() {
        Habilitation h = new Habilitation(1, Profil.GESTIONNAIRE_TERRITORIAL, null, null, "038", "Isère");
        Actor.Professionnel membre = new Actor.Professionnel(13, "membre@sne.test", "M", "E", List.of(h), null);
        Resultats r = chercher(membre);
        assertTrue(ids(r).contains("espace:1"));
        assertEquals(1, RechercheTest.nombre(r, "espace", "Espace des GT"));
        assertFalse(ids(chercher(Fixtures.agent038())).contains("espace:1"));
    }

    @Test
    void aVendorsSystemSeesProfessionalContentAndItsTerritory() {
        Resultats r = chercher(new Actor.ClientApi("editeur-logis", "30001", "030", List.of()));
        assertEquals(Set.of("public:1", "pro:1", "gard:1"), ids(r));
    }

    @Test
    void anItemWithoutAnyTokenIsVisibleToNobody() {
        assertFalse(ids(chercher(Fixtures.national())).contains("personne:1"));
    }
}
