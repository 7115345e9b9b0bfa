package fr.sne.community.wiki;

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

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Downloads of pages' files, for the readers of their space only; always as attachments. */
@Controller("/communaute/wiki/pieces")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PiecesWikiController {

    private final WikiService service;

    PiecesWikiController(WikiService service) {
        this.service = service;
    }

    @Get("/{id}/{nom}")
    HttpResponse<StreamedFile> telecharger(HttpRequest<?> request, @PathVariable long id, @PathVariable String nom) {
        PiecePage piece = service.piece(Actors.of(request), id);
        InputStream contenu;
        try {
            contenu = service.lire(piece);
        } catch (Exception e) {
            throw new Refus(HttpStatus.SERVICE_UNAVAILABLE, "Le fichier est momentanément indisponible : réessayez dans quelques instants.");
        }
        String ascii = piece.nom().replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        return HttpResponse.ok(new StreamedFile(contenu, MediaType.of(piece.typeMime()), piece.creeLe().toEpochMilli(), piece.taille()))
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(piece.nom(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-cache");
    }
}
