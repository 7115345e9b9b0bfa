package fr.sne.core.piece;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes of a document being served: a stream from object storage (the caller closes it), its
 * media type, a file name for the download, and which version it is.
 */
public record FichierPiece(InputStream contenu, String typeMime, String nomFichier, VersionPiece version)
        implements AutoCloseable {

    @Override
    public void close() throws IOException {
        contenu.close();
    }
}
