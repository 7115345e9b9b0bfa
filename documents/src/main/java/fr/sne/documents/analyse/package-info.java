/**
 * Supporting documents: the synchronous upload check ({@link fr.sne.documents.analyse.ControleurPieces})
 * and the analysis run after upload ({@link fr.sne.documents.analyse.AnalyseurPieces}): Tika
 * detection and extraction, type suggestion, NIR detection and masking, viewing derivatives.
 * No database and no HTTP here: the storage, API and jobs live in {@code core}.
 *
 * <p>Configuration ({@link fr.sne.documents.analyse.PiecesConfiguration}, defaults in code):
 * <ul>
 *   <li>{@code sne.pieces.taille-max} (20MB): larger uploads are refused (413);</li>
 *   <li>{@code sne.pieces.pixels-max} (200000000): larger images are refused before decoding;</li>
 *   <li>{@code sne.pieces.apercu-cote-max} (2000): longest side of a photo's viewing derivative;</li>
 *   <li>{@code sne.pieces.pages-max} (200): pages re-rendered to mask a NIR (beyond: no masked copy);</li>
 *   <li>{@code sne.pieces.texte-max} (1000000) and {@code sne.pieces.duree-analyse-max} (30s):
 *       characters kept and time given to the text extraction;</li>
 *   <li>{@code sne.pieces.clamd-host}, {@code clamd-port} (3310), {@code clamd-timeout} (30s): the
 *       clamd antivirus (INSTREAM over TCP). Unset host: no scan, one warning at startup. Set but
 *       not answering: uploads are refused ({@code ANTIVIRUS_INDISPONIBLE}, 503), never stored unchecked.</li>
 * </ul>
 */
package fr.sne.documents.analyse;
