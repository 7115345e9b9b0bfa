package fr.sne.core.enligne;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each anomaly of the register (a JSON path) is shown on the step that holds its field. */
class EtapeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "demandeur,                                            IDENTITE",
            "demandeur.nomNaissance,                               IDENTITE",
            "demandeur.adresse.communeInsee,                       IDENTITE",
            "demandeur.situationFamiliale,                         FAMILLE",
            "cotitulaires[0].prenoms,                              FAMILLE",
            "cotitulaires[0],                                      FAMILLE",
            "personnesACharge[2].dateNaissance,                    FAMILLE",
            "enfantsANaitre.nombre,                                FAMILLE",
            "personnesEnGarde[0].coParentalite,                    FAMILLE",
            "demandeur.situationProfessionnelle.siretEmployeur,    RESSOURCES",
            "demandeur.revenuFiscal.anneeMoins1,                   RESSOURCES",
            "demandeur.ressourcesRecues[1].montant,                RESSOURCES",
            "cotitulaires[0].ressourcesRecues[0].code,             RESSOURCES",
            "cotitulaires[0].situationProfessionnelle.profession,  RESSOURCES",
            "logementActuel.surface,                               LOGEMENT",
            "motifs[3],                                            LOGEMENT",
            "motifPrecision,                                       LOGEMENT",
            "logementRecherche.communesSouhaitees,                 RECHERCHE",
            "logementRecherche.communesSouhaitees[4],              RECHERCHE",
            "handicap.naturesMoteur[0],                            HANDICAP",
            "priorite.dateDecisionDalo,                            HANDICAP"})
    void anomaliesLandOnTheStepOfTheirField(String champ, Etape etape) {
        assertEquals(etape, Etape.duChamp(champ));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"identite, 1", "famille, 2", "recapitulatif, 7"})
    void stepsAreAddressedByTheirCode(String code, int numero) {
        assertEquals(numero, Etape.deCode(code).orElseThrow().getNumero());
    }
}
