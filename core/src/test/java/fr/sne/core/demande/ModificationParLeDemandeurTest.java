package fr.sne.core.demande;

import fr.sne.tenants.web.Probleme;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The update rule: an applicant changes anything but civil status and NIR, and removes no co-holder. */
class ModificationParLeDemandeurTest {

    private static DemandeJson.Demandeur demandeur(String nom, String prenoms, String nir, String tel) {
        return new DemandeJson.Demandeur("2", nom, null, prenoms, LocalDate.of(1985, 3, 12), null, null, "1", null, nir, "C",
                "a@exemple.fr", tel, null, null, null, null, null, null, null, null, null);
    }

    private static DemandeJson.Cotitulaire cotitulaire(String prenoms) {
        return new DemandeJson.Cotitulaire("1", "Martin", null, prenoms, LocalDate.of(1980, 1, 1), "1", null, null, null, "M",
                null, null, null, null, null, null);
    }

    private static DemandeJson.Contenu contenu(DemandeJson.Demandeur d, List<DemandeJson.Cotitulaire> cotitulaires) {
        return new DemandeJson.Contenu(d, cotitulaires, null, null, null, null, null, null,
                DemandeJson.LogementRecherche.de(List.of("T2"), List.of("38185")), null, null);
    }

    private final DemandeJson.Contenu avant = contenu(demandeur("Durand", "Anne", null, "0611111111"), List.of(cotitulaire("Paul")));

    @Test
    void contactsAndHousingMayChangeAndAMissingNirMayBeAdded() {
        DemandeJson.Contenu apres = contenu(demandeur("Durand", " Anne ", "285037512345645", "0622222222"),
                List.of(cotitulaire("Paul"), cotitulaire("Léa")));
        assertEquals(List.of(), ModificationParLeDemandeur.interdites(avant, apres));
    }

    @Test
    void civilStatusNirAndCoHoldersAreLocked() {
        DemandeJson.Contenu avecNir = contenu(demandeur("Durand", "Anne", "285037512345645", "0611111111"), List.of(cotitulaire("Paul")));
        DemandeJson.Contenu apres = contenu(demandeur("Dupré", "Anne", "185037512345645", "0611111111"), List.of(cotitulaire("Pierre")));
        List<String> champs = ModificationParLeDemandeur.interdites(avecNir, apres).stream().map(Probleme.Anomalie::champ).toList();
        assertEquals(List.of("demandeur.nomNaissance", "demandeur.nir", "cotitulaires[0].prenoms"), champs);
        assertTrue(ModificationParLeDemandeur.champsVerrouilles(avecNir).containsAll(List.of("demandeur.civilite",
                "demandeur.nomNaissance", "demandeur.prenoms", "demandeur.dateNaissance", "demandeur.nir", "cotitulaires[0].nomNaissance")));
    }

    @Test
    void aCoHolderIsNotRemovedOnline() {
        List<Probleme.Anomalie> anomalies = ModificationParLeDemandeur.interdites(avant, contenu(avant.demandeur(), null));
        assertEquals(1, anomalies.size());
        assertEquals("cotitulaires[0]", anomalies.getFirst().champ());
        assertTrue(anomalies.getFirst().message().contains("ne peut pas être retiré"));
    }

    @Test
    void aRecordedDaloDecisionIsTheDesksToChange() {
        DemandeJson.Contenu nonDalo = new DemandeJson.Contenu(avant.demandeur(), avant.cotitulaires(), null, null, null, null, null, null,
                avant.logementRecherche(), null, new DemandeJson.Priorite("NON", null, List.of("SUROC")));
        DemandeJson.Contenu dalo = new DemandeJson.Contenu(avant.demandeur(), avant.cotitulaires(), null, null, null, null, null, null,
                avant.logementRecherche(), null, new DemandeJson.Priorite("ACTIF", LocalDate.of(2026, 1, 5), List.of("SUROC", "HAND")));
        List<Probleme.Anomalie> anomalies = ModificationParLeDemandeur.interdites(nonDalo, dalo);
        assertEquals(List.of("priorite.statutDalo"), anomalies.stream().map(Probleme.Anomalie::champ).toList());
        assertTrue(anomalies.getFirst().message().contains("commission de médiation"));
        // the situations declared stay the applicant's to update
        DemandeJson.Contenu situations = new DemandeJson.Contenu(avant.demandeur(), avant.cotitulaires(), null, null, null, null, null,
                null, avant.logementRecherche(), null, new DemandeJson.Priorite("NON", null, List.of("HAND")));
        assertEquals(List.of(), ModificationParLeDemandeur.interdites(nonDalo, situations));
    }
}
