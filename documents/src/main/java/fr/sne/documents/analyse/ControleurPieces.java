package fr.sne.documents.analyse;

import java.nio.file.Path;

/**
 * Decides whether an uploaded file (already spooled to a temporary file) may be stored: format
 * detected from the content (Tika), size limit, password protection, corruption, antivirus (when
 * configured). Fast enough to run inside the upload request.
 */
public interface ControleurPieces {
    Controle controler(Path fichier);
}
