package fr.sne.core.piece;

import fr.sne.documents.analyse.FormatPiece;
import fr.sne.documents.catalogue.CategoriePiece;
import fr.sne.documents.catalogue.Deposant;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A supporting document of an application, as the register describes it (never its bytes).
 *
 * @param type              the type given by the depositor or a desk, else the analysis' suggestion; may be null
 * @param typeSuggere       what the analysis recognised, whatever the type
 * @param deposeParLibelle  who deposited it, as professionals read it
 * @param indicePertinence  null when shown to the applicant (the desks' own assessment)
 * @param commentaire       the desks' comment; null when shown to the applicant
 * @param nirDetecte        null until analysed
 * @param versionMasquee    a masked derivative exists
 * @param apercu            an image preview derivative exists
 * @param objetManquant     the reconciliation found its bytes missing from storage
 * @param version           optimistic locking of the qualification (ETag, hidden form field)
 */
public record PieceJustificative(long id, String territoire, String numeroUnique, String nomFichier, String typeMime,
                                 FormatPiece format, long taille, Integer pages, String sha256, CategoriePiece categorie,
                                 TypePiece type, TypePiece typeSuggere, LocalDate finValidite, Deposant deposant,
                                 String deposePar, String deposeParLibelle, String guichet, Instant deposeLe,
                                 IndicePertinence indicePertinence, String commentaire, List<SousDocument> sousDocuments,
                                 StatutAnalyse analyse, String langue, Map<String, String> metadonnees,
                                 Integer anneeRevenus, Long revenuFiscalReference, Boolean nirDetecte,
                                 boolean versionMasquee, boolean apercu, boolean objetManquant, Instant supprimeLe,
                                 int version) {

    public PieceJustificative {
        sousDocuments = sousDocuments == null ? List.of() : List.copyOf(sousDocuments);
        metadonnees = metadonnees == null ? Map.of() : Map.copyOf(metadonnees);
    }

    /** A sensitive type: opened only by desks, the "consultant sensible" and the applicant. */
    public boolean sensible() {
        return type != null && type.sensible();
    }

    public boolean supprimee() {
        return supprimeLe != null;
    }

    /** A document whose validity end date is past on {@code jour}. */
    public boolean perimee(LocalDate jour) {
        return finValidite != null && finValidite.isBefore(jour);
    }

    /** The same document as the applicant is shown it: without the desks' assessment and comment. */
    PieceJustificative pourDemandeur() {
        return new PieceJustificative(id, territoire, numeroUnique, nomFichier, typeMime, format, taille, pages, sha256,
                categorie, type, typeSuggere, finValidite, deposant, null, null, guichet, deposeLe, null, null,
                sousDocuments, analyse, langue, Map.of(), anneeRevenus, revenuFiscalReference, nirDetecte, versionMasquee,
                apercu, objetManquant, supprimeLe, version);
    }
}
