package fr.sne.core.cycle;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lifecycle's rows of the permission matrix: profile × action × own / other territory, desk type and motif. */
class CyclePolicyTest {

    private final CyclePolicy policy = new CyclePolicy();

    private static Actor professionnel(Profil profil) {
        Habilitation h = switch (profil.portee()) {
            case GUICHET -> new Habilitation(1, profil, "38001", "ACTIS", "038", "Isère");
            case TERRITOIRE -> new Habilitation(1, profil, null, null, "038", "Isère");
            case NATIONALE -> new Habilitation(1, profil, null, null, null, null);
        };
        return new Actor.Professionnel(1, "x@sne.test", "X", "Y", List.of(h), null);
    }

    @ParameterizedTest(name = "{0} renews: 038 {1}, 030 {2}")
    @CsvSource({
            "GUICHET_ENREGISTREUR,     AUTORISEE, INTROUVABLE",
            "GUICHET_MANAGER,          AUTORISEE, INTROUVABLE",
            "GESTIONNAIRE_TERRITORIAL, AUTORISEE, INTROUVABLE",
            "CONSULTANT_SIMPLE,        REFUSEE,   INTROUVABLE",
            "CONSULTANT_DEMANDE,       REFUSEE,   INTROUVABLE",
            "CONSULTANT_SENSIBLE,      REFUSEE,   INTROUVABLE",
            "ASSISTANCE_NATIONALE,     REFUSEE,   REFUSEE",
            "ADMINISTRATEUR_NATIONAL,  REFUSEE,   REFUSEE"})
    void renewal(Profil profil, Decision own, Decision other) {
        assertEquals(own, policy.renouveler(professionnel(profil), "038", null));
        assertEquals(other, policy.renouveler(professionnel(profil), "030", null));
    }

    @ParameterizedTest(name = "{0} on a {1} desk, {2}: {3}")
    @CsvSource({
            "GUICHET_ENREGISTREUR,     BAILLEUR, RADATT, AUTORISEE",
            "GUICHET_MANAGER,          BAILLEUR, RADATT, AUTORISEE",
            "GUICHET_ENREGISTREUR,     COMMUNE,  RADATT, REFUSEE",
            "GUICHET_ENREGISTREUR,     EPCI,     RADATT, REFUSEE",
            "GUICHET_ENREGISTREUR,     COMMUNE,  RADABA, AUTORISEE",
            "GUICHET_ENREGISTREUR,     COMMUNE,  RADCON, AUTORISEE",
            "GUICHET_ENREGISTREUR,     COMMUNE,  RADIRR, AUTORISEE",
            "GUICHET_ENREGISTREUR,     BAILLEUR, RADREN, REFUSEE",
            "GESTIONNAIRE_TERRITORIAL, ,         RADATT, REFUSEE",
            "GESTIONNAIRE_TERRITORIAL, ,         RADABA, AUTORISEE",
            "CONSULTANT_SIMPLE,        COMMUNE,  RADABA, REFUSEE",
            "CONSULTANT_SENSIBLE,      BAILLEUR, RADATT, REFUSEE",
            "ASSISTANCE_NATIONALE,     ,         RADABA, REFUSEE",
            "ADMINISTRATEUR_NATIONAL,  ,         RADABA, REFUSEE"})
    void radiationByProfessionals(Profil profil, String typeGuichet, MotifRadiation motif, Decision attendue) {
        assertEquals(attendue, policy.radier(professionnel(profil), "038", motif, typeGuichet));
    }

    @Test
    void anotherTerritorysApplicationIsNotFoundWhateverTheMotif() {
        Actor agent = professionnel(Profil.GUICHET_ENREGISTREUR);
        for (MotifRadiation m : MotifRadiation.values()) {
            assertEquals(Decision.INTROUVABLE, policy.radier(agent, "030", m, "BAILLEUR"));
        }
        assertEquals(Decision.INTROUVABLE, policy.deradier(professionnel(Profil.GESTIONNAIRE_TERRITORIAL), "030"));
    }

    @ParameterizedTest(name = "{0} de-radiates: 038 {1}, 030 {2}")
    @CsvSource({
            "ASSISTANCE_NATIONALE,     AUTORISEE, AUTORISEE",
            "ADMINISTRATEUR_NATIONAL,  AUTORISEE, AUTORISEE",
            "GESTIONNAIRE_TERRITORIAL, AUTORISEE, INTROUVABLE",
            "GUICHET_ENREGISTREUR,     REFUSEE,   INTROUVABLE",
            "GUICHET_MANAGER,          REFUSEE,   INTROUVABLE",
            "CONSULTANT_SIMPLE,        REFUSEE,   INTROUVABLE"})
    void deradiation(Profil profil, Decision own, Decision other) {
        assertEquals(own, policy.deradier(professionnel(profil), "038"));
        assertEquals(other, policy.deradier(professionnel(profil), "030"));
    }

    @Test
    void apiClientsActForTheirDeskInTheirTerritory() {
        Actor actis = new Actor.ClientApi("editeur-actis", "38001", "038", List.of("demandes"));
        Actor stegreve = new Actor.ClientApi("editeur-stegreve", "38002", "038", List.of("demandes"));
        Actor exports = new Actor.ClientApi("editeur-export", "38001", "038", List.of("exports"));
        assertEquals(Decision.AUTORISEE, policy.renouveler(actis, "038", null));
        assertEquals(Decision.INTROUVABLE, policy.renouveler(actis, "030", null));
        assertEquals(Decision.REFUSEE, policy.renouveler(exports, "038", null));
        assertEquals(Decision.AUTORISEE, policy.radier(actis, "038", MotifRadiation.RADATT, "BAILLEUR"));
        assertEquals(Decision.REFUSEE, policy.radier(stegreve, "038", MotifRadiation.RADATT, "COMMUNE"));
        assertEquals(Decision.AUTORISEE, policy.radier(stegreve, "038", MotifRadiation.RADABA, "COMMUNE"));
        assertEquals(Decision.REFUSEE, policy.radier(actis, "038", MotifRadiation.RADREN, "BAILLEUR"));
        assertEquals(Decision.INTROUVABLE, policy.radier(actis, "030", MotifRadiation.RADABA, "BAILLEUR"));
        assertEquals(Decision.REFUSEE, policy.deradier(actis, "038"));
        assertEquals(Decision.INTROUVABLE, policy.deradier(actis, "030"));
    }

    @Test
    void anApplicantRenewsTheirOwnApplicationOnly() {
        Actor demandeur = new Actor.Particulier(42, "d@exemple.fr", "Lucia", "Garcia");
        assertEquals(Decision.AUTORISEE, policy.renouveler(demandeur, "038", 42L));
        assertEquals(Decision.INTROUVABLE, policy.renouveler(demandeur, "038", 43L));
        assertEquals(Decision.INTROUVABLE, policy.renouveler(demandeur, "038", null));
        assertEquals(Decision.REFUSEE, policy.radier(demandeur, "038", MotifRadiation.RADABA, null));
        assertEquals(Decision.REFUSEE, policy.deradier(demandeur, "038"));
    }

    @Test
    void onlyTheSystemRadiatesForNonRenewal() {
        Actor systeme = new Actor.Systeme("radiation-echeance");
        assertEquals(Decision.AUTORISEE, policy.radier(systeme, "038", MotifRadiation.RADREN, null));
        assertEquals(Decision.REFUSEE, policy.radier(systeme, "038", MotifRadiation.RADABA, null));
        assertEquals(Decision.REFUSEE, policy.renouveler(systeme, "038", null));
        assertEquals(Decision.REFUSEE, policy.renouveler(new Actor.Anonyme(), "038", null));
    }
}
