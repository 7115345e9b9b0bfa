package fr.sne.community.info;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Pagination;
import fr.sne.tenants.web.ProtectionCsrf;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The authors' pages: list, Markdown editor with a server-rendered preview (the "Aperçu" button
 * posts the form and gets it back with the preview: no script needed), publication now or at a
 * date, attachments, unpublishing and deletion.
 */
@Controller("/pro/info/articles")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class RedactionController {

    private static final String CHEMIN = "/pro/info/articles";

    private final RedactionService service;
    private final Territoires territoires;
    private final TenantTransactions transactions;

    RedactionController(RedactionService service, Territoires territoires, TenantTransactions transactions) {
        this.service = service;
        this.territoires = territoires;
        this.transactions = transactions;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String statut,
                                            @Nullable @QueryValue String type, @Nullable @QueryValue Integer page,
                                            @Nullable @QueryValue String message) {
        Actor actor = Actors.of(request);
        Statut s = statut == null ? null : Arrays.stream(Statut.values()).filter(x -> x.name().equals(statut)).findFirst().orElse(null);
        TypeContenu t = TypeContenu.parCode(type);
        Resultats<Article> resultats = service.lister(actor, s, t, page == null ? 1 : page);
        Map<String, Object> model = modele();
        model.put("resultats", resultats);
        model.put("saisie", Map.of("statut", s == null ? "" : s.name(), "type", t == null ? "" : t.name()));
        model.put("statuts", PagesInfo.options(Arrays.stream(Statut.values()).map(x -> Map.entry(x.name(), x.libelle())).toList()));
        model.put("types", PagesInfo.options(Arrays.stream(TypeContenu.values()).map(x -> Map.entry(x.name(), x.libelle())).toList()));
        model.put("pagination", Pagination.de(resultats.page(), resultats.pages(), p -> CHEMIN + "?"
                + (s == null ? "" : "statut=" + s.name() + "&") + (t == null ? "" : "type=" + t.name() + "&") + "page=" + p));
        model.put("message", message == null ? null : switch (message) {
            case "supprime" -> "L’article a été supprimé.";
            default -> null;
        });
        return new ModelAndView<>("pro/info/liste", model);
    }

    @Get("/nouveau")
    ModelAndView<Map<String, Object>> nouveau(HttpRequest<?> request, @Nullable @QueryValue String type) {
        Actor actor = Actors.of(request);
        service.exigerAuteur(actor);
        TypeContenu t = TypeContenu.parCode(type);
        SaisieArticle saisie = SaisieArticle.vide(t == null || t == TypeContenu.TEXTE_REFERENCE ? TypeContenu.ACTUALITE.name() : t.name());
        return formulaire(actor, null, saisie, Map.of(), null, null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creer(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        SaisieArticle saisie = SaisieArticle.de(valeurs(form));
        String action = premier(form, "action");
        if ("apercu".equals(action)) {
            return HttpResponse.ok(formulaire(actor, null, saisie, Map.of(), service.apercu(saisie.corps()), null));
        }
        try {
            Article a = service.creer(actor, saisie, "publier".equals(action) ? RedactionService.Action.PUBLIER : RedactionService.Action.BROUILLON);
            return HttpResponse.seeOther(URI.create(CHEMIN + "/" + a.id() + "?message=" + message(a)));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(formulaire(actor, null, saisie, e.erreurs(), null, null));
        }
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> fiche(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String message) {
        Actor actor = Actors.of(request);
        Article article = service.consulter(actor, id);
        return formulaire(actor, article, SaisieArticle.de(article), Map.of(), null, message == null ? null : switch (message) {
            case "brouillon" -> "Le brouillon a été enregistré. Il n’est visible que des rédacteurs.";
            case "publie" -> "L’article est publié.";
            case "programme" -> "La publication est programmée le " + article.heurePublication() + ".";
            case "enregistre" -> "Les modifications sont enregistrées.";
            case "depublie" -> "L’article n’est plus publié : il est revenu à l’état de brouillon.";
            case "piece" -> "Le fichier a été ajouté.";
            case "piece-retiree" -> "Le fichier a été retiré.";
            default -> null;
        });
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> modifier(HttpRequest<?> request, @PathVariable long id, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        Article article = service.consulter(actor, id);
        SaisieArticle saisie = SaisieArticle.de(valeurs(form));
        String action = premier(form, "action");
        if ("apercu".equals(action)) {
            return HttpResponse.ok(formulaire(actor, article, saisie, Map.of(), service.apercu(saisie.corps()), null));
        }
        RedactionService.Action a = switch (action == null ? "" : action) {
            case "publier" -> RedactionService.Action.PUBLIER;
            case "brouillon" -> RedactionService.Action.BROUILLON;
            default -> RedactionService.Action.ENREGISTRER;
        };
        try {
            Article modifie = service.modifier(actor, id, saisie, a);
            String message = a == RedactionService.Action.ENREGISTRER && modifie.statut() == Statut.PUBLIE ? "enregistre" : message(modifie);
            return HttpResponse.seeOther(URI.create(CHEMIN + "/" + id + "?message=" + message));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(formulaire(actor, article, saisie, e.erreurs(), null, null));
        }
    }

    @Post("/{id}/depublication")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> depublier(HttpRequest<?> request, @PathVariable long id, @Body Map<String, Object> form) {
        service.depublier(Actors.of(request), id, entier(premier(form, "version")));
        return HttpResponse.seeOther(URI.create(CHEMIN + "/" + id + "?message=depublie"));
    }

    @Get("/{id}/suppression")
    ModelAndView<Map<String, Object>> confirmerSuppression(HttpRequest<?> request, @PathVariable long id) {
        Article article = service.consulter(Actors.of(request), id);
        Map<String, Object> model = modele();
        model.put("article", article);
        return new ModelAndView<>("pro/info/suppression", model);
    }

    @Post("/{id}/suppression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> supprimer(HttpRequest<?> request, @PathVariable long id, @Body Map<String, Object> form) {
        service.supprimer(Actors.of(request), id);
        return HttpResponse.seeOther(URI.create(CHEMIN + "?message=supprime"));
    }

    @Post("/{id}/pieces")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> ajouterPiece(HttpRequest<?> request, @PathVariable long id, @Nullable @Part("fichier") CompletedFileUpload fichier,
                                 @Nullable @Part("csrfToken") String csrfToken) {
        Actor actor = Actors.of(request);
        Article article = service.consulter(actor, id);
        Path temporaire = null;
        try {
            if (fichier != null && fichier.getSize() > 0) {
                temporaire = Files.createTempFile("sne-info-", ".piece");
                try (InputStream in = fichier.getInputStream()) {
                    Files.copy(in, temporaire, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            service.ajouterPiece(actor, id, fichier == null ? null : fichier.getFilename(), temporaire);
            return HttpResponse.seeOther(URI.create(CHEMIN + "/" + id + "?message=piece#pieces"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(formulaire(actor, article, SaisieArticle.de(article), e.erreurs(), null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporaire != null) {
                try {
                    Files.deleteIfExists(temporaire);
                } catch (IOException ignored) {
                    // the system's temporary folder is cleaned anyway
                }
            }
        }
    }

    @Post("/{id}/pieces/{pieceId}/suppression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retirerPiece(HttpRequest<?> request, @PathVariable long id, @PathVariable long pieceId,
                                 @Body Map<String, Object> form) {
        service.retirerPiece(Actors.of(request), id, pieceId);
        return HttpResponse.seeOther(URI.create(CHEMIN + "/" + id + "?message=piece-retiree#pieces"));
    }

    private ModelAndView<Map<String, Object>> formulaire(Actor actor, Article article, SaisieArticle saisie,
                                                        Map<String, String> erreurs, String apercu, String message) {
        Map<String, Object> model = modele();
        model.put("article", article);
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("apercu", apercu);
        model.put("message", message);
        model.put("types", PagesInfo.options(TypeContenu.redigeables().stream().map(t -> Map.entry(t.name(), t.libelle())).toList()));
        boolean national = service.peutRedigerNational(actor);
        String gt = RedactionService.territoireDuGt(actor);
        model.put("territoireGt", gt);
        // the audience can be chosen at creation; afterwards a local page stays one and a national article stays national
        model.put("choixAudience", national && (article == null || article.territoire() == null));
        model.put("choixTerritoire", national && article == null);
        if (national && article == null) {
            model.put("territoires", transactions.withoutScope(territoires::lister));
        }
        model.put("piecesJointes", article == null ? List.of() : service.pieces(actor, article.id()));
        model.put("action", article == null ? CHEMIN : CHEMIN + "/" + article.id());
        return new ModelAndView<>("pro/info/formulaire", model);
    }

    private static Map<String, Object> modele() {
        Map<String, Object> model = PagesInfo.modele();
        model.put("currentNav", "pro");
        return model;
    }

    private static String message(Article a) {
        return switch (a.statut()) {
            case BROUILLON -> "brouillon";
            case PROGRAMME -> "programme";
            case PUBLIE -> "publie";
        };
    }

    private static Map<String, List<String>> valeurs(Map<String, Object> form) {
        Map<String, List<String>> valeurs = new HashMap<>();
        form.forEach((k, v) -> valeurs.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : new ArrayList<>(List.of(String.valueOf(v)))));
        return valeurs;
    }

    private static String premier(Map<String, Object> form, String champ) {
        Object v = form.get(champ);
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.valueOf(l.getFirst());
        }
        return v == null ? null : String.valueOf(v);
    }

    private static int entier(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new Refus(HttpStatus.BAD_REQUEST, "Version de l’article invalide");
        }
    }
}
