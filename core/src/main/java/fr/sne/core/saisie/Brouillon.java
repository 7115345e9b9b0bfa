package fr.sne.core.saisie;

import fr.sne.core.demande.DemandeJson;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A desk's draft of a CERFA form, resumed at the tab it was left on. */
record Brouillon(long id, String guichet, String auteur, DemandeJson.Contenu contenu, Onglet onglet, Instant modifieLe) {

    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public String modifieLeTexte() {
        return HORODATAGE.format(modifieLe.atZone(PARIS));
    }

    /** "Dupont Jean" or a placeholder while the identity is not typed yet. */
    public String titre() {
        DemandeJson.Demandeur d = contenu.demandeur();
        String nom = d == null ? null : ((d.nomNaissance() == null ? "" : d.nomNaissance()) + " "
                + (d.prenoms() == null ? "" : d.prenoms())).strip();
        return nom == null || nom.isEmpty() ? "Demandeur non renseigné" : nom;
    }
}
