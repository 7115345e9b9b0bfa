package fr.sne.community.assistance.satisfaction;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The satisfaction mails' signed links: bound to a ticket, a round and an expiry; no forgery. */
class LiensSatisfactionTest {

    private final LiensSatisfaction liens = new LiensSatisfaction("secret-de-test");

    @Test
    void un_lien_signe_se_relit_tel_quel() {
        var lien = new LiensSatisfaction.Lien(42, 2, Instant.parse("2026-12-22T10:00:00Z"));
        assertEquals(lien, liens.verifier(liens.signer(lien)).orElseThrow());
    }

    @Test
    void un_lien_modifie_ou_signe_par_un_autre_secret_est_refuse() {
        String jeton = liens.signer(new LiensSatisfaction.Lien(42, 1, Instant.parse("2026-12-22T10:00:00Z")));
        String autreTicket = liens.signer(new LiensSatisfaction.Lien(43, 1, Instant.parse("2026-12-22T10:00:00Z")));
        String falsifie = autreTicket.substring(0, autreTicket.indexOf('.')) + jeton.substring(jeton.indexOf('.'));
        assertTrue(liens.verifier(falsifie).isEmpty());
        assertTrue(new LiensSatisfaction("autre-secret").verifier(jeton).isEmpty());
        assertTrue(liens.verifier("n'importe quoi").isEmpty());
        assertTrue(liens.verifier(null).isEmpty());
    }
}
