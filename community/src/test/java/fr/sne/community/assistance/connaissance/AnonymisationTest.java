package fr.sne.community.assistance.connaissance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Personal data removed from a ticket's text before it becomes an article. */
class AnonymisationTest {

    private static final List<String> PERSONNES = List.of("Claire Martin", "Sophie Bernard");

    private static String anonymiser(String texte) {
        return Anonymisation.anonymiser(texte, PERSONNES).texte();
    }

    @Test
    void les_noms_complets_et_les_prenoms_des_personnes_concernees_sont_retires() {
        assertEquals("Bonjour [personne], [personne] vous répond.", anonymiser("Bonjour Claire, Sophie Bernard vous répond."));
        assertEquals("Mme [personne] (guichet ACTIS)", anonymiser("Mme MARTIN (guichet ACTIS)"), "case-insensitive");
        assertEquals("[personne]", anonymiser("Claire-Martin"), "hyphenated full name");
        assertEquals("Martinique et Clairefontaine", anonymiser("Martinique et Clairefontaine"), "whole words only");
    }

    @Test
    void adresses_telephones_nir_numeros_uniques_et_references_sont_retires() {
        assertEquals("Écrire à [adresse électronique].", anonymiser("Écrire à claire.martin@actis.fr."));
        assertEquals("Tél. [téléphone] ou [téléphone]", anonymiser("Tél. 04 76 12 34 56 ou +33 6 12 34 56 78"));
        assertEquals("NIR [NIR] du demandeur", anonymiser("NIR 1 85 05 38 185 123 30 du demandeur"));
        assertEquals("Demande [numéro unique] et [numéro unique]", anonymiser("Demande 038012600001238001 et 038-1234-00001"));
        assertEquals("Voir [référence]", anonymiser("Voir AST-2026-000123"));
    }

    @Test
    void un_numero_qui_n_est_pas_un_nir_valide_et_le_texte_ordinaire_restent() {
        String texte = "Le code 1 85 05 38 185 123 31 a une mauvaise clé ; le guichet 38001 est ouvert à 9 h.";
        Anonymisation.Resultat r = Anonymisation.anonymiser(texte, PERSONNES);
        assertFalse(r.texte().contains("[NIR]"));
        assertTrue(r.texte().contains("guichet 38001"));
    }

    @Test
    void les_segments_montrent_ce_qui_est_retire_et_le_texte_d_origine_se_reconstitue() {
        String texte = "Merci Claire : appelez le 04 76 12 34 56.";
        Anonymisation.Resultat r = Anonymisation.anonymiser(texte, PERSONNES);
        assertEquals(2, r.retraits());
        StringBuilder origine = new StringBuilder();
        r.segments().forEach(s -> origine.append(s.texte()));
        assertEquals(texte, origine.toString());
        assertEquals(List.of(Anonymisation.Nature.PERSONNE, Anonymisation.Nature.TELEPHONE),
                r.segments().stream().filter(Anonymisation.Segment::retire).map(Anonymisation.Segment::nature).toList());
    }
}
