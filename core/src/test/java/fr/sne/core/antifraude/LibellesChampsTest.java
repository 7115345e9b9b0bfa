package fr.sne.core.antifraude;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Changed parts in the applicant's words. */
class LibellesChampsTest {

    @Test
    void pathsBecomeSectionAndFieldLabels() {
        assertEquals("Vos coordonnées : adresse", LibellesChamps.libelle("demandeur.adresse.voie"));
        assertEquals("Votre identité : nom de naissance", LibellesChamps.libelle("demandeur.nomNaissance"));
        assertEquals("Conjoint ou cotitulaire : prénoms", LibellesChamps.libelle("cotitulaires[0].prenoms"));
        assertEquals("Conjoint ou cotitulaire : ressources et charges", LibellesChamps.libelle("cotitulaires[0].ressourcesRecues[1].montant"));
        assertEquals("Vos ressources mensuelles", LibellesChamps.libelle("demandeur.ressourcesRecues[0].code"));
        assertEquals("Ressources des personnes à charge", LibellesChamps.libelle("demandeur.ressourcesRecuesPersonnesACharge[0].montant"));
        assertEquals("Logement recherché : communes souhaitées", LibellesChamps.libelle("logementRecherche.communesSouhaitees[2]"));
        assertEquals("Personnes à charge", LibellesChamps.libelle("personnesACharge[3].dateNaissance"));
        assertEquals("Autre information de votre demande", LibellesChamps.libelle("inconnu.champ"));
    }

    @Test
    void severalPathsOfOnePartAreToldOnce() {
        assertEquals(List.of("Vos coordonnées : adresse", "Vos coordonnées : téléphone"), LibellesChamps.libelles(
                List.of("demandeur.adresse.voie", "demandeur.adresse.codePostal", "demandeur.telPortable", "demandeur.telFixe")));
    }
}
