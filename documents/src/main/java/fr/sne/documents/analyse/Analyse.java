package fr.sne.documents.analyse;

import fr.sne.documents.catalogue.TypePiece;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the analysis found in a stored document. Any field but {@code typeMime} may be null (an
 * image has no text without OCR; the type may not be recognised).
 *
 * @param typeSuggere           the type suggested from the text, or null
 * @param anneeRevenus          tax notices: the year of the income
 * @param revenuFiscalReference tax notices: the "revenu fiscal de référence", in euros
 * @param finValidite           the validity end date printed on the document, when reliable
 */
public record Analyse(String typeMime, Integer pages, String texte, String langue,
                      Map<String, String> metadonnees, TypePiece typeSuggere, Integer anneeRevenus,
                      Long revenuFiscalReference, LocalDate finValidite, boolean nirDetecte) {
}
