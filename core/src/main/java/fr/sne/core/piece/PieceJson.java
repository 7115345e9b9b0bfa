package fr.sne.core.piece;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The API's view of a document (contract v1.0 "Documents", extended): codes for enumerations,
 * {@code fichier} the address of its bytes (the version this caller gets), {@code ouvrable} false
 * with {@code motifNonOuvrable} when the caller cannot open it now.
 */
@Serdeable
@Schema(name = "Piece", description = "Pièce justificative d'une demande (jamais ses octets : voir « fichier »)")
public record PieceJson(
        @Schema(description = "Identifiant de la pièce") long id,
        @Schema(description = "Numéro unique de la demande") String numeroUnique,
        @Schema(description = "Nom du fichier déposé") String nomFichier,
        @Schema(description = "Type de contenu reconnu d'après le contenu", example = "application/pdf") String typeMime,
        @Schema(description = "Taille en octets") long taille,
        @Nullable @Schema(description = "Nombre de pages (connu après l'analyse pour une image)") Integer pages,
        @Nullable @Schema(description = "Un numéro de sécurité sociale a été trouvé : la version servie est masquée ; "
                + "null tant que l'analyse n'est pas terminée") Boolean nirDetecte,
        @Nullable @Schema(description = "REGLEMENTAIRE, NON_VERIFIE, SUSPICION_FRAUDE ou HORS_PERIMETRE") String indicePertinence,
        @Nullable @Schema(description = "Code de catégorie", example = "REVENU_FISCAL") String categorie,
        @Nullable @Schema(description = "Code de type (donné au dépôt, par un guichet, ou proposé par l'analyse)",
                example = "AVIS_IMPOSITION") String type,
        @Nullable @Schema(description = "Type reconnu par l'analyse") String typeSuggere,
        @Nullable @Schema(description = "Date de fin de validité") LocalDate finValidite,
        @Schema(description = "Type sensible (violences, grossesse, santé, handicap)") boolean sensible,
        @Schema(description = "GUICHET, DEMANDEUR, SERVICE_NUMERISATION ou EDITEUR") String deposant,
        @Schema(description = "Date et heure du dépôt") Instant deposeLe,
        @Nullable @Schema(description = "Commentaire des guichets") String commentaire,
        @Schema(description = "Sous-documents par pages") List<SousDocument> sousDocuments,
        @Schema(description = "État de l'analyse : EN_ATTENTE, EN_COURS, TERMINEE ou ECHEC") String analyse,
        @Nullable @Schema(description = "Avis d'imposition : année des revenus") Integer anneeRevenus,
        @Nullable @Schema(description = "Avis d'imposition : revenu fiscal de référence, en euros") Long revenuFiscalReference,
        @Schema(description = "Empreinte SHA-256 du fichier déposé") String sha256,
        @Schema(description = "Version de la description (ETag \"piece-<id>-<version>\" pour la requalifier)") int version,
        @Schema(description = "L'appelant peut ouvrir la pièce maintenant") boolean ouvrable,
        @Nullable @Schema(description = "Version que « fichier » servira : ORIGINAL, MASQUEE ou APERCU") String versionOuverte,
        @Nullable @Schema(description = "Pourquoi la pièce ne peut pas être ouverte (par exemple analyse en cours)") String motifNonOuvrable,
        @Schema(description = "Adresse du fichier") String fichier) {

    public static PieceJson de(PieceListee l) {
        PieceJustificative p = l.piece();
        return new PieceJson(p.id(), p.numeroUnique(), p.nomFichier(), p.typeMime(), p.taille(), p.pages(), p.nirDetecte(),
                p.indicePertinence() == null ? null : p.indicePertinence().name(),
                p.categorie() == null ? null : p.categorie().name(), p.type() == null ? null : p.type().name(),
                p.typeSuggere() == null ? null : p.typeSuggere().name(), p.finValidite(), p.sensible(), p.deposant().name(),
                p.deposeLe(), p.commentaire(), p.sousDocuments(), p.analyse().name(), p.anneeRevenus(),
                p.revenuFiscalReference(), p.sha256(), p.version(), l.ouverture() != null,
                l.ouverture() == null ? null : l.ouverture().name(), l.refus(),
                "/api/v1.0/demandes/" + p.numeroUnique() + "/pieces/" + p.id() + "/fichier");
    }

    /** The ETag of a document's description: its id and version. */
    public static String etag(PieceJustificative p) {
        return "\"piece-" + p.id() + "-" + p.version() + "\"";
    }
}
