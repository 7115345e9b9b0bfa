package fr.sne.core.saisie;

import fr.sne.core.demande.DemandeJson;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The CERFA form's fields and the model: a tab's fields are read into the content, the other tabs are kept. */
class FormulaireCerfaTest {

    private final FormulaireCerfa formulaire = new FormulaireCerfa(ObjectMapper.getDefault());

    private static DemandeJson.Contenu contenu() {
        DemandeJson.Demandeur d = new DemandeJson.Demandeur("1", "Dupont", null, "Jean", LocalDate.of(1970, 1, 1), null, null,
                "1", null, null, "M", "jean@example.org", null, null, null, null, null, null,
                List.of(new DemandeJson.Ressource("SAL", 1500), new DemandeJson.Ressource("AF", 140)),
                List.of(new DemandeJson.Ressource("PAV", 120)), null, null);
        return new DemandeJson.Contenu(d, null, List.of(new DemandeJson.PersonneACharge("Dupont", "Léa", LocalDate.of(2010, 1, 1), "F", "E", null)),
                null, null, null, List.of("13"), null, DemandeJson.LogementRecherche.de(List.of("T3"), List.of("38185")), null, null);
    }

    @Test
    void resourcesAreOneFieldPerCodeAndComeBackAsTheModelsList() {
        Map<String, String> champs = formulaire.champs(contenu());
        assertEquals("1500", champs.get("demandeur.ressourcesRecues.SAL"));
        assertEquals("120", champs.get("demandeur.ressourcesVersees.PAV"));
        FormulaireCerfa.Lecture l = formulaire.lire(contenu(), Onglet.REVENUS, Map.of(
                "demandeur.ressourcesRecues.SAL", List.of("1 600 €"), "demandeur.ressourcesRecues.AF", List.of(""),
                "demandeur.ressourcesRecues.RSA", List.of("200")));
        assertEquals(Map.of(), l.erreurs());
        assertEquals(List.of(new DemandeJson.Ressource("RSA", 200), new DemandeJson.Ressource("SAL", 1600)),
                l.contenu().demandeur().ressourcesRecues().stream().sorted(java.util.Comparator.comparing(DemandeJson.Ressource::code)).toList());
        // the other tabs' data is untouched
        assertEquals("Dupont", l.contenu().demandeur().nomNaissance());
        assertEquals(List.of("13"), l.contenu().motifs());
        assertEquals("Léa", l.contenu().personnesACharge().getFirst().prenoms());
    }

    @Test
    void aTabReplacesItsOwnFieldsOnlyAndEmptiedRowsDisappear() {
        FormulaireCerfa.Lecture l = formulaire.lire(contenu(), Onglet.PERSONNES, Map.of(
                "personnesACharge[0].prenoms", List.of(""), "personnesACharge[0].nomNaissance", List.of(""),
                "personnesACharge[1].prenoms", List.of("Tom"), "personnesACharge[1].nomNaissance", List.of("Dupont"),
                "personnesACharge[1].dateNaissance", List.of("2012-05-06"), "demandeur.nomNaissance", List.of("Pirate")));
        assertEquals(1, l.contenu().personnesACharge().size());
        assertEquals("Tom", l.contenu().personnesACharge().getFirst().prenoms());
        assertEquals(LocalDate.of(2012, 5, 6), l.contenu().personnesACharge().getFirst().dateNaissance());
        // a field of another tab sent with this one is ignored
        assertEquals("Dupont", l.contenu().demandeur().nomNaissance());
    }

    @Test
    void unreadableNumbersAndDatesAreNamedAndDropped() {
        FormulaireCerfa.Lecture l = formulaire.lire(contenu(), Onglet.RECHERCHE, Map.of(
                "logementRecherche.loyerMaximum", List.of("six cents"), "logementRecherche.communesSouhaitees", List.of("38185", "38382"),
                "logementRecherche.ascenseurIndispensable", List.of("true")));
        assertEquals(Map.of("logementRecherche.loyerMaximum", "Saisissez un nombre entier (sans centimes)."), l.erreurs());
        assertNull(l.contenu().logementRecherche().loyerMaximum());
        assertEquals(List.of("38185", "38382"), l.contenu().logementRecherche().communesSouhaitees());
        assertEquals(Boolean.TRUE, l.contenu().logementRecherche().ascenseurIndispensable());
        // types were in this tab and not sent: unticked
        assertNull(l.contenu().logementRecherche().typesLogement());
        FormulaireCerfa.Lecture date = formulaire.lire(contenu(), Onglet.DEMANDEUR, Map.of("demandeur.dateNaissance", List.of("31/02/1980")));
        assertEquals("Saisissez une date valide (jj/mm/aaaa).", date.erreurs().get("demandeur.dateNaissance"));
    }

    @Test
    void anomaliesOfAResourceLandOnItsCodesField() {
        var erreurs = formulaire.erreurs(List.of(new fr.sne.tenants.web.Probleme.Anomalie("MONTANT_INVALIDE",
                "demandeur.ressourcesRecues[1].montant", "Montant invalide"),
                new fr.sne.tenants.web.Probleme.Anomalie("CODE_INCONNU", "motifs[0]", "Motif inconnu")), contenu());
        assertEquals("Montant invalide", erreurs.get("demandeur.ressourcesRecues.AF"));
        assertEquals("Motif inconnu", erreurs.get("motifs"));
    }
}
