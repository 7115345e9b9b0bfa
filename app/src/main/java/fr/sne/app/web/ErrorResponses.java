package fr.sne.app.web;

import fr.sne.tenants.web.LayoutModel;
import fr.sne.tenants.web.Probleme;
import fr.sne.tenants.web.Refus;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Every error the framework, security or a handler produces ends here: an RFC 9457 problem in
 * French for the API and for non-browser clients, a French page for browsers. Never a stack
 * trace: server errors are logged with the request id, which the person is shown.
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
class ErrorResponses implements ErrorResponseProcessor<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final LayoutModel layout;

    ErrorResponses(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views, LayoutModel layout) {
        this.views = views;
        this.layout = layout;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        HttpStatus status = response.getStatus();
        String requestId = RequestIdFilter.of(request);
        if (status.getCode() >= 500) {
            LOG.error("Erreur serveur {} sur {} {}", status.getCode(), request.getMethod(), request.getPath(),
                    context.getRootCause().orElse(null));
        }
        // our own refusals carry a French message meant for the person
        String message = context.getRootCause().filter(Refus.class::isInstance).map(Throwable::getMessage).orElse(null);
        if (wantsPage(request)) {
            return page(request, status, requestId, message, response);
        }
        Probleme probleme = new Probleme("about:blank", title(status), status.getCode(),
                message != null ? message : detail(status, context),
                request.getPath(), anomalies(context, status));
        return response.contentType(Probleme.MEDIA_TYPE).body(probleme);
    }

    private MutableHttpResponse<Object> page(HttpRequest<?> request, HttpStatus status, String requestId, String message,
                                             MutableHttpResponse<?> response) {
        // rendered outside the views filter: the layout's model (person, CSRF token) is added here
        Map<String, Object> model = layout.commun(request);
        model.put("requestId", requestId);
        model.put("message", message);
        model.put("status", status.getCode());
        String view = switch (status.getCode()) {
            case 401, 403, 404 -> "erreurs/" + status.getCode();
            default -> status.getCode() >= 500 ? "erreurs/500" : "erreurs/requete";
        };
        try {
            Writable writable = views.render(view, model, request);
            StringWriter html = new StringWriter();
            writable.writeTo(html);
            return response.contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8").body(html.toString());
        } catch (IOException | RuntimeException e) {
            LOG.error("La page d'erreur {} n'a pas pu être produite", view, e);
            return response.contentType(MediaType.TEXT_PLAIN + ";charset=utf-8")
                    .body(title(status) + (requestId == null ? "" : " — référence " + requestId));
        }
    }

    private static boolean wantsPage(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return false;
        }
        // browsers name text/html explicitly; "*/*" alone (curl, scripts) gets the problem document
        return request.accept().stream().anyMatch(m -> MediaType.TEXT_HTML.equals(m.getName()));
    }

    private static String title(HttpStatus status) {
        return switch (status.getCode()) {
            case 400 -> "Requête invalide";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Ressource introuvable";
            case 405 -> "Méthode non autorisée";
            case 406 -> "Format de réponse non disponible";
            case 409 -> "Conflit";
            case 412 -> "Version périmée";
            case 413 -> "Contenu trop volumineux";
            case 415 -> "Format non pris en charge";
            case 422 -> "Données invalides";
            case 428 -> "Condition préalable requise";
            case 429 -> "Trop de requêtes";
            case 503 -> "Service indisponible";
            default -> status.getCode() >= 500 ? "Erreur interne" : "Requête refusée";
        };
    }

    private static String detail(HttpStatus status, ErrorContext context) {
        return switch (status.getCode()) {
            case 400 -> "La requête est mal formée ou contient des valeurs invalides.";
            case 401 -> "Un jeton d'accès valide est nécessaire pour cette ressource.";
            case 403 -> "Votre profil ne permet pas cette action.";
            case 404 -> "La ressource demandée n'existe pas.";
            case 405 -> "Cette méthode HTTP n'est pas acceptée pour cette ressource.";
            case 406 -> "Le format de réponse demandé (en-tête Accept) n'est pas disponible pour cette ressource : "
                    + "application/json, application/problem+json, ou application/xml quand la ressource le propose.";
            case 413 -> "Le contenu envoyé dépasse la taille autorisée.";
            case 415 -> "Le type de contenu envoyé (en-tête Content-Type) n'est pas pris en charge par cette ressource.";
            case 429 -> "Trop de requêtes : réessayez après le délai indiqué par l'en-tête Retry-After.";
            default -> status.getCode() >= 500
                    ? "Une erreur inattendue s'est produite. Elle a été enregistrée ; réessayez plus tard."
                    : "La requête n'a pas pu être traitée.";
        };
    }

    private static List<Probleme.Anomalie> anomalies(ErrorContext context, HttpStatus status) {
        if (status.getCode() != 400 && status.getCode() != 422) {
            return List.of();
        }
        return context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Probleme.Anomalie("VALEUR_INVALIDE", e.getPath().get(),
                        "Valeur invalide pour le champ « " + e.getPath().get() + " »."))
                .toList();
    }
}
