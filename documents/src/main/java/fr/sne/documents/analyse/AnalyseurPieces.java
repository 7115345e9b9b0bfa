package fr.sne.documents.analyse;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The analysis run by a persistent job after upload, and the derivatives it produces. Derivatives
 * are written under {@code dossier} (a temporary folder the caller cleans up).
 */
public interface AnalyseurPieces {

    Analyse analyser(Path fichier, FormatPiece format);

    /**
     * The version shown to viewers of an image: downscaled when large, recompressed, without any
     * EXIF/GPS metadata. Empty when the format cannot be re-encoded here.
     */
    Optional<Path> apercu(Path fichier, FormatPiece format, Path dossier);

    /** A PDF whose pages are re-rendered with every NIR blacked out: the number is no longer in it. */
    Optional<Path> masquerNir(Path fichier, FormatPiece format, Path dossier);
}
