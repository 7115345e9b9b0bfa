package fr.sne.core.piece;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * How a document's bytes are answered, for the API and the pages alike: streamed, named, marked
 * with the version served, and never interpreted by the browser as anything but what it is.
 */
public final class ReponsesPieces {

    /** Header naming the version served: ORIGINAL, MASQUEE or APERCU. */
    public static final String VERSION = "SNE-Version-Piece";

    private ReponsesPieces() {
    }

    public static MutableHttpResponse<StreamedFile> fichier(FichierPiece f, boolean telechargement) {
        MutableHttpResponse<StreamedFile> r = HttpResponse.ok(new StreamedFile(f.contenu(), MediaType.of(f.typeMime())))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(telechargement ? "attachment" : "inline", f.nomFichier()))
                .header(VERSION, f.version().name())
                // only PDF and images are ever stored (checked from the content): never sniffed as anything else
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (f.typeMime().startsWith("image/")) {
            // an image opened on its own runs nothing and loads nothing (a PDF keeps the browser's viewer working)
            r.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
        }
        return r;
    }

    /** RFC 6266: an ASCII fallback and the UTF-8 name. */
    static String disposition(String type, String nom) {
        String ascii = Normalizer.normalize(nom, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._ ()-]", "_");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(nom, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The version named by a query parameter ({@code original}, {@code masquee}, {@code apercu}), if any. */
    public static Optional<VersionPiece> version(String parametre) {
        if (parametre == null || parametre.isBlank()) {
            return Optional.empty();
        }
        for (VersionPiece v : VersionPiece.values()) {
            if (v.name().equalsIgnoreCase(parametre.strip())) {
                return Optional.of(v);
            }
        }
        throw new fr.sne.tenants.web.Refus(io.micronaut.http.HttpStatus.BAD_REQUEST,
                "Version inconnue : « " + parametre + " » (original, masquee ou apercu).");
    }
}
