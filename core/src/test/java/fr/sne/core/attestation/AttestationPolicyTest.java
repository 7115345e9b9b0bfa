package fr.sne.core.attestation;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.web.Refus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The postal queue's rows of the permission matrix: who prints which letters. */
class AttestationPolicyTest {

    private final AttestationPolicy policy = new AttestationPolicy();

    private static Actor professionnel(Profil profil) {
        Habilitation h = switch (profil.portee()) {
            case GUICHET -> new Habilitation(1, profil, "38001", "ACTIS", "038", "Isère");
            case TERRITOIRE -> new Habilitation(1, profil, null, null, "038", "Isère");
            case NATIONALE -> new Habilitation(1, profil, null, null, null, null);
        };
        return new Actor.Professionnel(1, "x@sne.test", "X", "Y", List.of(h), null);
    }

    @ParameterizedTest(name = "{0}: 038 {1}, 030 {2}, queue of desk {3}")
    @CsvSource({
            "GUICHET_ENREGISTREUR,     AUTORISEE, INTROUVABLE, 38001",
            "GUICHET_MANAGER,          AUTORISEE, INTROUVABLE, 38001",
            "GESTIONNAIRE_TERRITORIAL, AUTORISEE, INTROUVABLE, ''",
            "CONSULTANT_SIMPLE,        REFUSEE,   INTROUVABLE, -",
            "CONSULTANT_DEMANDE,       REFUSEE,   INTROUVABLE, -",
            "CONSULTANT_SENSIBLE,      REFUSEE,   INTROUVABLE, -",
            "ASSISTANCE_NATIONALE,     REFUSEE,   REFUSEE,     -",
            "ADMINISTRATEUR_NATIONAL,  REFUSEE,   REFUSEE,     -"})
    void postalQueue(Profil profil, Decision own, Decision other, String guichet) {
        Actor actor = professionnel(profil);
        assertEquals(own, policy.courriers(actor, "038"));
        assertEquals(other, policy.courriers(actor, "030"));
        if ("-".equals(guichet)) {
            assertThrows(Refus.class, () -> policy.portee(actor));
        } else {
            assertEquals(new AttestationPolicy.PorteeCourriers("038", guichet.isEmpty() ? null : guichet), policy.portee(actor));
        }
    }

    @Test
    void applicantsAndApiClientsHaveNoPostalQueue() {
        assertThrows(Refus.class, () -> policy.portee(new Actor.Particulier(1, "d@sne.test", "D", "E")));
        assertThrows(Refus.class, () -> policy.portee(new Actor.ClientApi("editeur-actis", "38001", "038", List.of("demandes"))));
    }
}
