package fr.sne.core.antifraude;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A change of names as the professionals' pages show it.
 *
 * @param lien the change's own page
 */
public record LigneChangement(long id, String numeroUnique, String personne, String avant, String apres, boolean mineur,
                              String statut, String statutCode, String guichet, String demandePar, String demandeLe,
                              String decision, String motifRefus, boolean peutDecider, String lien) {

    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static LigneChangement de(ChangementNom c, boolean peutDecider) {
        String decision = switch (c.statut()) {
            case APPLIQUE -> c.mineur() ? "Appliqué aussitôt (changement mineur)" : "Appliqué aussitôt (gestionnaire territorial)";
            case EN_ATTENTE -> "En attente de validation";
            case VALIDE -> "Validé par " + c.decideParLibelle() + " le " + horodatage(c.decideLe());
            case REFUSE -> "Refusé par " + c.decideParLibelle() + " le " + horodatage(c.decideLe());
        };
        return new LigneChangement(c.id(), c.numeroUnique(), c.libellePersonne(), c.avant(), c.apres(), c.mineur(),
                c.statut().libelle(), c.statut().name(), c.libelleGuichet(), c.demandeParLibelle(), horodatage(c.demandeLe()),
                decision, c.motifRefus(), peutDecider, "/pro/demandes/" + c.numeroUnique() + "/changements-nom/" + c.id());
    }

    static String horodatage(Instant instant) {
        return instant == null ? "" : HORODATAGE.format(instant.atZone(PARIS));
    }
}
