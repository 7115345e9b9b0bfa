package fr.sne.core.enligne;

import fr.sne.core.demande.DemandeJson;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An application filed on the portal: a draft (no territory yet), or submitted and then
 * validated (with its number) or refused (with the reason the applicant reads).
 *
 * @param etape       the furthest step reached (drafts); the last one once submitted
 * @param version     bumped by each correction of a submitted application (0 for drafts)
 * @param dateDepot   the submission's date: the filing date of the registered application
 * @param etatDemande the registered application's state ({@code ACTIVE}, {@code RADIEE}), once validated
 */
public record DemandeEnLigne(long id, long compteDemandeur, Statut statut, Etape etape, String territoire,
                             DemandeJson.Contenu contenu, int version, Instant creeLe, Instant modifieLe,
                             Instant soumiseLe, LocalDate dateDepot, String numeroUnique, String motifRefus,
                             String etatDemande) {

    /** The status as the applicant reads it, e.g. "Enregistrée — n° 038…GDPUB" or "Refusée : motif". */
    public String getLibelleStatut() {
        return switch (statut) {
            case VALIDEE -> statut.getLibelle() + " — n° " + numeroUnique + ("RADIEE".equals(etatDemande) ? " (radiée)" : "");
            case REFUSEE -> statut.getLibelle() + " : " + motifRefus;
            default -> statut.getLibelle();
        };
    }

    /** The applicant's first names and birth name as declared, or a neutral label for an empty draft. */
    public String getNom() {
        DemandeJson.Demandeur d = contenu.demandeur();
        String nom = d == null ? "" : ((d.prenoms() == null ? "" : d.prenoms()) + " "
                + (d.nomNaissance() == null ? "" : d.nomNaissance().toUpperCase(java.util.Locale.FRENCH))).strip();
        return nom.isEmpty() ? "Demande sans nom" : nom;
    }

    /** When it last changed, as people in France read it ("14/07/2026 à 09:30"). */
    public String getModifieLeAffiche() {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm")
                .format(modifieLe.atZone(java.time.ZoneId.of("Europe/Paris")));
    }

    public boolean isBrouillon() {
        return statut == Statut.BROUILLON;
    }

    /** Waiting for a desk: the applicant may still correct what the update rule allows. */
    public boolean isCorrigeable() {
        return statut == Statut.SOUMISE;
    }
}
