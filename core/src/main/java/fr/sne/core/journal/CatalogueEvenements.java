package fr.sne.core.journal;

import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.sne.core.journal.TypeEvenement.Origine.GUICHET;
import static fr.sne.core.journal.TypeEvenement.Origine.SYSTEME;

/**
 * The catalogue of event codes. The codes seen in the real web app are kept as they are
 * ({@code CREDEM}, {@code VALDEM}, {@code TENAD00022}, {@code DESCAL}); the others follow their
 * style. Codes never change once published: vendors store them.
 */
@Singleton
public class CatalogueEvenements {

    // system events: written by the register in the transaction of the change
    public static final String CREATION = "CREDEM";
    public static final String VALIDATION = "VALDEM";
    public static final String MISE_A_JOUR = "MODDEM";
    public static final String RENOUVELLEMENT = "RENDEM";
    public static final String RADIATION = "RADDEM";
    public static final String DERADIATION = "DERDEM";
    public static final String CREATION_SEPARATION = "CRSDEM";
    public static final String SEPARATION = "SEPDEM";
    public static final String AVIS_RENOUVELLEMENT = "AVIREN";
    public static final String PIECE_AJOUTEE = "PJAJOU";
    public static final String PIECE_SUPPRIMEE = "PJSUPP";
    // desk events
    public static final String DEMANDE_PIECES = "TENAD00022";
    public static final String AVERTISSEMENT_RADIATION = "AVERAD";
    public static final String DESIGNATION_CAL = "DSGCAL";
    public static final String ORDRE_DU_JOUR_CAL = "ORDCAL";
    public static final String EXAMEN_CAL = "EXACAL";
    public static final String VISITE_PROPOSEE = "VISPRO";
    public static final String VISITE_EFFECTUEE = "VISEFF";
    public static final String ATTRIBUTION = "ATTCAL";
    public static final String ATTRIBUTION_RANG = "DESCAL";
    public static final String ATTRIBUTION_CONDITION_SUSPENSIVE = "ATTCSU";
    public static final String NON_ATTRIBUTION = "NATCAL";
    public static final String IRRECEVABILITE = "IRRCAL";
    public static final String REFUS_DEMANDEUR = "REFDEM";
    public static final String SIGNATURE_BAIL = "SIGBAI";
    public static final String NOTE_INTERNE = "NOTINT";

    private static final List<TypeEvenement> TYPES = List.of(
            new TypeEvenement(CREATION, "Création de la demande", false, SYSTEME, true),
            new TypeEvenement(VALIDATION, "Validation de la demande", false, SYSTEME, true),
            new TypeEvenement(MISE_A_JOUR, "Mise à jour de la demande", false, SYSTEME, true),
            new TypeEvenement(RENOUVELLEMENT, "Renouvellement de la demande", false, SYSTEME, true),
            new TypeEvenement(RADIATION, "Radiation de la demande", false, SYSTEME, true),
            new TypeEvenement(DERADIATION, "Déradiation (rétablissement) de la demande", false, SYSTEME, true),
            new TypeEvenement(CREATION_SEPARATION, "Création de la demande suite à une séparation", false, SYSTEME, true),
            new TypeEvenement(SEPARATION, "Séparation : demande dupliquée pour l’ancien cotitulaire", false, SYSTEME, false),
            new TypeEvenement(AVIS_RENOUVELLEMENT, "Avis de renouvellement adressé au demandeur", false, SYSTEME, true),
            new TypeEvenement(PIECE_AJOUTEE, "Ajout d’une pièce justificative", false, SYSTEME, true),
            new TypeEvenement(PIECE_SUPPRIMEE, "Suppression d’une pièce justificative", false, SYSTEME, true),
            new TypeEvenement(DEMANDE_PIECES, "Demande d’informations ou de pièces justificatives", true, GUICHET, true),
            new TypeEvenement(AVERTISSEMENT_RADIATION, "Avertissement préalable à une radiation", false, GUICHET, true),
            new TypeEvenement(DESIGNATION_CAL, "Désignation pour une commission d’attribution (CAL/CALEOL)", true, GUICHET, true),
            new TypeEvenement(ORDRE_DU_JOUR_CAL, "Inscription à l’ordre du jour de la commission d’attribution", false, GUICHET, false),
            new TypeEvenement(EXAMEN_CAL, "Examen par la commission d’attribution", true, GUICHET, true),
            new TypeEvenement(VISITE_PROPOSEE, "Visite de logement proposée", false, GUICHET, true),
            new TypeEvenement(VISITE_EFFECTUEE, "Visite de logement effectuée", false, GUICHET, true),
            new TypeEvenement(ATTRIBUTION, "Décision de la commission : attribution", true, GUICHET, true),
            new TypeEvenement(ATTRIBUTION_RANG, "Attribution du logement proposé sous réserve de refus du ou des candidats précédents",
                    true, GUICHET, true),
            new TypeEvenement(ATTRIBUTION_CONDITION_SUSPENSIVE, "Décision de la commission : attribution sous condition suspensive",
                    true, GUICHET, true),
            new TypeEvenement(NON_ATTRIBUTION, "Décision de la commission : non-attribution", true, GUICHET, true),
            new TypeEvenement(IRRECEVABILITE, "Décision de la commission : irrecevabilité de la demande", true, GUICHET, true),
            new TypeEvenement(REFUS_DEMANDEUR, "Refus du logement proposé par le demandeur", true, GUICHET, true),
            new TypeEvenement(SIGNATURE_BAIL, "Signature du bail", true, GUICHET, true),
            new TypeEvenement(NOTE_INTERNE, "Note à l’attention des professionnels", false, GUICHET, false));

    private final Map<String, TypeEvenement> parCode;

    public CatalogueEvenements() {
        Map<String, TypeEvenement> m = new LinkedHashMap<>();
        TYPES.forEach(t -> m.put(t.code(), t));
        this.parCode = Map.copyOf(m);
    }

    /** Every kind, system events first, in a stable order. */
    public List<TypeEvenement> types() {
        return TYPES;
    }

    public Optional<TypeEvenement> type(String code) {
        return Optional.ofNullable(code == null ? null : parCode.get(code));
    }

    /** The kinds a desk may enter. */
    public List<TypeEvenement> typesGuichet() {
        return TYPES.stream().filter(t -> t.origine() == GUICHET).toList();
    }
}
