package fr.sne.community.abonnement;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JetonDesabonnementTest {

    private final JetonDesabonnement jetons = new JetonDesabonnement("secret-de-test");

    @Test
    void un_jeton_signe_se_relit_et_un_jeton_altere_est_refuse() {
        String jeton = jetons.signer(42, Optional.of(Cible.sujet(45)));
        JetonDesabonnement.Contenu contenu = jetons.lire(jeton).orElseThrow();
        assertEquals(42, contenu.utilisateurId());
        assertEquals("sujet:45", contenu.cible().orElseThrow().toString());
        assertTrue(jetons.lire(jetons.signer(42, Optional.empty())).orElseThrow().cible().isEmpty());

        String autre = jetons.signer(43, Optional.of(Cible.sujet(45)));
        // someone else's id with this signature, a changed signature, another key, garbage
        assertTrue(jetons.lire(autre.substring(0, autre.indexOf('.')) + jeton.substring(jeton.indexOf('.'))).isEmpty());
        assertTrue(jetons.lire(jeton.substring(0, jeton.length() - 1) + (jeton.endsWith("A") ? "B" : "A")).isEmpty());
        assertTrue(new JetonDesabonnement("autre-secret").lire(jeton).isEmpty());
        assertTrue(jetons.lire("n'importe.quoi").isEmpty());
        assertTrue(jetons.lire(null).isEmpty());
    }

    @Test
    void les_cibles_se_lisent_et_les_mauvaises_sont_refusees() {
        assertEquals("tag:radiation", Cible.lire("tag:Radiation").orElseThrow().toString());
        assertEquals(Cible.Type.CATEGORIE, Cible.lire("categorie:3").orElseThrow().type());
        assertTrue(Cible.lire("sujet:abc").isEmpty());
        assertTrue(Cible.lire("forum:3").isEmpty());
        assertTrue(Cible.lire("tag:<script>").isEmpty());
        assertTrue(Cible.lire("espace:-1").isEmpty());
    }
}
