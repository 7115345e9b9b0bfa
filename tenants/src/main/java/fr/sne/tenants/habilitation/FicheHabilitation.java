package fr.sne.tenants.habilitation;

import fr.sne.tenants.identity.Profil;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A habilitation with its holder, as the territorial administration pages show it. */
public record FicheHabilitation(long id, long utilisateurId, String email, String prenom, String nom, Profil profil,
                                String guichet, String guichetNom, String territoire, String statut,
                                Instant demandeeLe, String motifDemande, Instant certifieeLe, Instant derniereConnexion,
                                Instant confirmeeLe, String motifSuspension) {

    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm").withZone(ZoneId.of("Europe/Paris"));

    public String getDerniereConnexionTexte() {
        return derniereConnexion == null ? "Jamais" : MINUTE.format(derniereConnexion);
    }

    public String getConfirmeeLeTexte() {
        return confirmeeLe == null ? "—" : JOUR.format(confirmeeLe);
    }

    public String titulaire() {
        String full = ((prenom == null ? "" : prenom) + " " + (nom == null ? "" : nom)).trim();
        return full.isEmpty() ? email : full;
    }

    public String getProfilLibelle() {
        return profil.libelle();
    }

    public String getStatutLibelle() {
        return switch (statut) {
            case "DEMANDEE" -> "Demandée";
            case "ACTIVE" -> "Active";
            case "SUSPENDUE" -> "Suspendue";
            case "REVOQUEE" -> "Révoquée";
            default -> statut;
        };
    }
}
