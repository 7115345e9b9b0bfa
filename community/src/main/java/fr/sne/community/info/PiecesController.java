package fr.sne.community.info;

import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Downloads of attachments, for whoever may read their article (or edit it). Always as a
 * download ({@code attachment}, {@code nosniff}): a file never runs as a page of this site.
 */
@Controller("/info/pieces")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PiecesController {

    private static final Logger LOG = LoggerFactory.getLogger(PiecesController.class);

    private final LectureService lecture;
    private final ObjectStorage stockage;

    PiecesController(LectureService lecture, ObjectStorage stockage) {
        this.lecture = lecture;
        this.stockage = stockage;
    }

    @Get("/{id}/{nom}")
    HttpResponse<StreamedFile> telecharger(HttpRequest<?> request, @PathVariable long id, @PathVariable String nom) {
        PieceJointe piece = lecture.piece(Actors.of(request), id)
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Fichier introuvable"));
        InputStream contenu;
        try {
            contenu = stockage.lire(piece.cleObjet());
        } catch (Exception e) {
            LOG.warn("Pièce {} illisible dans le stockage : {}", id, e.toString());
            throw new Refus(HttpStatus.SERVICE_UNAVAILABLE, "Le fichier est momentanément indisponible : réessayez dans quelques instants.");
        }
        StreamedFile fichier = new StreamedFile(contenu, MediaType.of(piece.typeMime()), piece.creeLe().toEpochMilli(), piece.taille());
        return HttpResponse.ok(fichier)
                .header("Content-Disposition", disposition(piece.nom()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-cache");
    }

    /** RFC 6266: an ASCII fallback and the exact UTF-8 name. */
    static String disposition(String nom) {
        String ascii = nom.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(nom, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
