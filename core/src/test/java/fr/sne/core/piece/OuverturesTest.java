package fr.sne.core.piece;

import fr.sne.documents.analyse.FormatPiece;
import fr.sne.documents.catalogue.Deposant;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which version each kind of reader gets, for each state of a document. */
class OuverturesTest {

    private static PieceJustificative piece(FormatPiece format, TypePiece type, StatutAnalyse analyse, Boolean nir,
                                            boolean masquee, boolean apercu) {
        return new PieceJustificative(1, "038", "038012600000138001", "f." + format.extension(), format.typeMime(), format, 10,
                1, "0".repeat(64), type == null ? null : type.categorie(), type, null, null, Deposant.GUICHET, "a@sne.test",
                "A", "38001", Instant.EPOCH, IndicePertinence.NON_VERIFIE, null, List.of(), analyse, null, Map.of(), null,
                null, nir, masquee, apercu, false, null, 1);
    }

    private static Ouvertures.Resolution consultantDemande(PieceJustificative p, VersionPiece v) {
        return Ouvertures.resoudre(true, false, p, v);
    }

    private static Ouvertures.Resolution sensible(PieceJustificative p, VersionPiece v) {
        return Ouvertures.resoudre(true, true, p, v);
    }

    @Test
    void aPdfWithoutNirIsOpenedAsItIsOnceAnalysed() {
        PieceJustificative p = piece(FormatPiece.PDF, TypePiece.AVIS_IMPOSITION, StatutAnalyse.TERMINEE, false, false, false);
        assertEquals(VersionPiece.ORIGINAL, consultantDemande(p, null).version());
        assertEquals(VersionPiece.ORIGINAL, consultantDemande(p, VersionPiece.ORIGINAL).version());
    }

    @Test
    void beforeTheAnalysisOnlyProfilesAllowedToSeeSensitiveDataOpenIt() {
        PieceJustificative p = piece(FormatPiece.PDF, TypePiece.BULLETIN_SALAIRE, StatutAnalyse.EN_ATTENTE, null, false, false);
        Ouvertures.Resolution r = consultantDemande(p, null);
        assertNull(r.version());
        assertEquals(HttpStatus.CONFLICT, r.statut());
        assertTrue(r.refus().startsWith("Document en cours d’analyse"), r.refus());
        assertEquals(VersionPiece.ORIGINAL, sensible(p, null).version());
        assertEquals(HttpStatus.FORBIDDEN, consultantDemande(piece(FormatPiece.PDF, null, StatutAnalyse.ECHEC, null, false, false), null).statut());
    }

    @Test
    void aNirMakesTheMaskedVersionTheOneOthersGet() {
        PieceJustificative p = piece(FormatPiece.PDF, TypePiece.BULLETIN_SALAIRE, StatutAnalyse.TERMINEE, true, true, false);
        assertEquals(VersionPiece.MASQUEE, consultantDemande(p, null).version());
        assertEquals(HttpStatus.FORBIDDEN, consultantDemande(p, VersionPiece.ORIGINAL).statut());
        assertEquals(VersionPiece.ORIGINAL, sensible(p, null).version());
        assertEquals(VersionPiece.MASQUEE, sensible(p, VersionPiece.MASQUEE).version());
        PieceJustificative sansMasque = piece(FormatPiece.PDF, TypePiece.BULLETIN_SALAIRE, StatutAnalyse.TERMINEE, true, false, false);
        assertEquals(HttpStatus.FORBIDDEN, consultantDemande(sansMasque, null).statut());
    }

    @Test
    void photosReachOthersOnlyThroughTheirPreviewAndHeicWithoutOneNotAtAll() {
        PieceJustificative jpeg = piece(FormatPiece.JPEG, TypePiece.CARTE_IDENTITE, StatutAnalyse.TERMINEE, false, false, true);
        assertEquals(VersionPiece.APERCU, consultantDemande(jpeg, null).version());
        assertEquals(HttpStatus.FORBIDDEN, consultantDemande(jpeg, VersionPiece.ORIGINAL).statut());
        assertEquals(VersionPiece.ORIGINAL, sensible(jpeg, null).version());
        PieceJustificative heic = piece(FormatPiece.HEIC, TypePiece.CARTE_IDENTITE, StatutAnalyse.TERMINEE, false, false, false);
        Ouvertures.Resolution r = consultantDemande(heic, null);
        assertEquals(HttpStatus.FORBIDDEN, r.statut());
        assertTrue(r.refus().contains("HEIC"), r.refus());
        assertEquals(VersionPiece.ORIGINAL, sensible(heic, null).version());
    }

    @Test
    void sensitiveTypesNeedTheSensitiveRightAndDeletedDocumentsAreGone() {
        PieceJustificative p = piece(FormatPiece.PDF, TypePiece.PLAINTE_VIOLENCES, StatutAnalyse.TERMINEE, false, false, false);
        assertEquals(HttpStatus.FORBIDDEN, consultantDemande(p, null).statut());
        assertEquals(VersionPiece.ORIGINAL, sensible(p, null).version());
        assertEquals(HttpStatus.FORBIDDEN, Ouvertures.resoudre(false, false,
                piece(FormatPiece.PDF, TypePiece.BAIL, StatutAnalyse.TERMINEE, false, false, false), null).statut());
    }

    @Test
    void fileNamesKeepNoPathNorControlCharacters() {
        assertEquals("avis.pdf", PieceService.nomFichier("C:\\Users\\x\\avis.pdf", FormatPiece.PDF));
        assertEquals("avis.pdf", PieceService.nomFichier("../../etc/avis.pdf", FormatPiece.PDF));
        assertEquals("ab.pdf", PieceService.nomFichier("a\u0000\"b.pdf", FormatPiece.PDF));
        assertEquals("piece.jpg", PieceService.nomFichier("  ", FormatPiece.JPEG));
        String long_ = "x".repeat(300) + ".pdf";
        String nom = PieceService.nomFichier(long_, FormatPiece.PDF);
        assertEquals(255, nom.length());
        assertTrue(nom.endsWith(".pdf"));
    }
}
