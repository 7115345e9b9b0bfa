package fr.sne.community.forum;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Attaching a file to a post, and downloading it (always as a download: a file never runs as a page of this site). */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
class PiecesForumController {

    private final PiecesForumService pieces;
    private final ForumService service;
    private final PagesForum pages;

    PiecesForumController(PiecesForumService pieces, ForumService service, PagesForum pages) {
        this.pieces = pieces;
        this.service = service;
        this.pages = pages;
    }

    @Post("/communaute/forum/messages/{id}/pieces")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @io.micronaut.http.annotation.Produces(MediaType.TEXT_HTML)
    HttpResponse<?> ajouter(HttpRequest<?> request, @PathVariable long id, @Nullable @Part("fichier") CompletedFileUpload fichier,
                            @Nullable @Part("csrfToken") String csrfToken) {
        Actor actor = Actors.of(request);
        Message m = service.message(actor, id);
        Path temporaire = null;
        try {
            if (fichier != null && fichier.getSize() > 0) {
                temporaire = Files.createTempFile("sne-forum-", ".piece");
                try (InputStream in = fichier.getInputStream()) {
                    Files.copy(in, temporaire, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            pieces.ajouter(actor, id, fichier == null ? null : fichier.getFilename(), temporaire);
            return HttpResponse.seeOther(URI.create(ForumController.SUJETS + m.sujetId() + "?message=piece#message-" + id));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(pages.sujet(actor,
                    service.ouvrir(actor, m.sujetId(), fr.sne.community.espace.ActionEspace.VOIR), null, Map.of("fichier-" + id,
                            e.erreurs().getOrDefault("fichier", "Ce fichier n’est pas accepté.")), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporaire != null) {
                try {
                    Files.deleteIfExists(temporaire);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    @Get("/communaute/forum/pieces/{id}/{nom}")
    HttpResponse<StreamedFile> telecharger(HttpRequest<?> request, @PathVariable long id, @PathVariable String nom) {
        PieceForum piece = pieces.piece(Actors.of(request), id);
        StreamedFile fichier = new StreamedFile(pieces.lire(piece), MediaType.of(piece.typeMime()), piece.creeLe().toEpochMilli(), piece.taille());
        return HttpResponse.ok(fichier)
                .header("Content-Disposition", disposition(piece.nom()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-cache");
    }

    /** RFC 6266: an ASCII fallback and the exact UTF-8 name. */
    static String disposition(String nom) {
        String ascii = nom.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(nom, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
