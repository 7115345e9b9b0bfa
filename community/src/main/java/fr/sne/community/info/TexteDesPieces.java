package fr.sne.community.info;

import fr.sne.documents.analyse.AnalyseurPieces;
import fr.sne.documents.analyse.FormatPiece;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;

/**
 * The text of an attachment, for search: text formats (XSD, XML, CSV...) as they are; PDFs through
 * the documents module's analyser when one is deployed (Tika); other formats: their name only.
 */
@Singleton
public class TexteDesPieces {

    private static final Logger LOG = LoggerFactory.getLogger(TexteDesPieces.class);
    /** Enough for any guide or schema; the index does not need more of one file. */
    static final int MAX_OCTETS = 1024 * 1024;

    private final BeanProvider<AnalyseurPieces> analyseur;

    TexteDesPieces(BeanProvider<AnalyseurPieces> analyseur) {
        this.analyseur = analyseur;
    }

    public String extraire(Path fichier, FormatsPieces.Format format) {
        try {
            if (format.texte()) {
                return texte(fichier);
            }
            if (format.pdf() && analyseur.isPresent()) {
                String texte = analyseur.get().analyser(fichier, FormatPiece.PDF).texte();
                return texte == null ? null : texte.length() > MAX_OCTETS ? texte.substring(0, MAX_OCTETS) : texte;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Texte de la pièce {} non extrait : {}", fichier.getFileName(), e.toString());
        }
        return null;
    }

    private static String texte(Path fichier) throws IOException {
        byte[] octets;
        try (InputStream in = Files.newInputStream(fichier)) {
            octets = in.readNBytes(MAX_OCTETS);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets)).toString().replace("\u0000", "");
        } catch (CharacterCodingException e) {
            // cut in the middle of a character at the limit: UTF-8 all the same; otherwise an old Latin-1 file
            boolean coupe = octets.length == MAX_OCTETS;
            return new String(octets, coupe ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).replace("\u0000", "");
        }
    }
}
