package fr.sne.community.wiki;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Formulaire;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wiki's pages: the space's tree, a page with its files, comments and backlinks, the editor
 * (server-rendered preview, templates for new pages), the history with diffs and restoration.
 */
@Controller("/communaute/espaces/{espace}/wiki")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class WikiController {

    private final WikiService service;

    WikiController(WikiService service) {
        this.service = service;
    }

    @Get
    ModelAndView<Map<String, Object>> index(HttpRequest<?> request, @PathVariable String espace) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.VOIR);
        Map<String, Object> model = modele(e);
        model.put("arbre", service.arbre(e));
        model.put("participe", service.peutParticiper(actor, e));
        return new ModelAndView<>("communaute/wiki/index", model);
    }

    @Get("/nouvelle")
    ModelAndView<Map<String, Object>> nouvelle(HttpRequest<?> request, @PathVariable String espace, @Nullable @QueryValue String modele,
                                               @Nullable @QueryValue String titre, @Nullable @QueryValue Long parent) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.PARTICIPER);
        ModelePage m = ModelePage.parCode(modele).orElse(ModelePage.VIERGE);
        SaisiePage saisie = new SaisiePage(titre, m.squelette(), parent, 0, "", 0);
        return editeur(e, null, saisie, m, Map.of(), null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creer(HttpRequest<?> request, @PathVariable String espace, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.PARTICIPER);
        SaisiePage saisie = saisie(form);
        if ("apercu".equals(premier(form, "action"))) {
            return HttpResponse.ok(editeur(e, null, saisie, null, Map.of(), service.apercu(e, saisie.contenu())));
        }
        try {
            PageWiki p = service.creer(actor, espace, saisie);
            return HttpResponse.seeOther(URI.create(p.url(espace) + "?message=creee"));
        } catch (Formulaire.Invalide ex) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(editeur(e, null, saisie, null, ex.erreurs(), null));
        }
    }

    @Get("/{page}")
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @PathVariable String espace, @PathVariable String page,
                                           @Nullable @QueryValue String message) {
        WikiService.Consultation c = service.consulter(Actors.of(request), espace, page);
        Map<String, Object> model = modele(c.espace());
        model.put("c", c);
        model.put("message", message == null ? null : switch (message) {
            case "creee" -> "La page est créée.";
            case "enregistree" -> "Les modifications sont enregistrées.";
            case "restauree" -> "La version est restaurée : elle devient la version actuelle.";
            case "commentaire" -> "Votre commentaire est publié.";
            case "piece" -> "Le fichier est ajouté.";
            default -> null;
        });
        return new ModelAndView<>("communaute/wiki/page", model);
    }

    @Get("/{page}/modifier")
    ModelAndView<Map<String, Object>> modifier(HttpRequest<?> request, @PathVariable String espace, @PathVariable String page) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.PARTICIPER);
        PageWiki p = service.page(e, page);
        return editeur(e, p, new SaisiePage(p.titre(), p.contenu(), p.parentId(), p.ordre(), "", p.version()), null, Map.of(), null);
    }

    @Post("/{page}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enregistrer(HttpRequest<?> request, @PathVariable String espace, @PathVariable String page, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.PARTICIPER);
        PageWiki p = service.page(e, page);
        SaisiePage saisie = saisie(form);
        if ("apercu".equals(premier(form, "action"))) {
            return HttpResponse.ok(editeur(e, p, saisie, null, Map.of(), service.apercu(e, saisie.contenu())));
        }
        try {
            PageWiki modifiee = service.modifier(actor, espace, page, saisie);
            return HttpResponse.seeOther(URI.create(modifiee.url(espace) + "?message=enregistree"));
        } catch (Formulaire.Invalide ex) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(editeur(e, p, saisie, null, ex.erreurs(), null));
        } catch (ConflitEdition conflit) {
            Map<String, Object> model = modele(e);
            model.put("page", conflit.actuelle());
            model.put("saisie", saisie);
            model.put("diff", Diff.lignes(conflit.actuelle().contenu(), saisie.contenu()));
            model.put("parents", service.parents(e, conflit.actuelle()));
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("communaute/wiki/conflit", model));
        }
    }

    @Get("/{page}/historique")
    ModelAndView<Map<String, Object>> historique(HttpRequest<?> request, @PathVariable String espace, @PathVariable String page) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.VOIR);
        PageWiki p = service.page(e, page);
        Map<String, Object> model = modele(e);
        model.put("page", p);
        model.put("versions", service.versions(e, p));
        model.put("participe", service.peutParticiper(actor, e));
        return new ModelAndView<>("communaute/wiki/historique", model);
    }

    @Get("/{page}/comparaison")
    ModelAndView<Map<String, Object>> comparaison(HttpRequest<?> request, @PathVariable String espace, @PathVariable String page,
                                                  @Nullable @QueryValue Integer de, @Nullable @QueryValue Integer a) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.VOIR);
        PageWiki p = service.page(e, page);
        int versionA = a == null ? p.version() : a;
        int versionDe = de == null ? Math.max(1, versionA - 1) : de;
        if (versionDe > versionA) {
            int x = versionDe;
            versionDe = versionA;
            versionA = x;
        }
        VersionPage ancienne = service.version(e, p, versionDe);
        VersionPage recente = service.version(e, p, versionA);
        Map<String, Object> model = modele(e);
        model.put("page", p);
        model.put("de", ancienne);
        model.put("a", recente);
        model.put("diff", Diff.lignes(ancienne.contenu(), recente.contenu()));
        model.put("titreChange", !ancienne.titre().equals(recente.titre()));
        model.put("participe", service.peutParticiper(actor, e));
        return new ModelAndView<>("communaute/wiki/comparaison", model);
    }

    @Post("/{page}/versions/{numero}/restauration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> restaurer(HttpRequest<?> request, @PathVariable String espace, @PathVariable String page, @PathVariable int numero,
                              @Body Map<String, Object> form) {
        try {
            PageWiki p = service.restaurer(Actors.of(request), espace, page, numero, entier(premier(form, "version"), -1));
            return HttpResponse.seeOther(URI.create(p.url(espace) + "?message=restauree"));
        } catch (ConflitEdition conflit) {
            throw new Refus(HttpStatus.CONFLICT, "La page a été modifiée entre-temps : consultez l’historique à jour avant de restaurer.");
        }
    }

    @Post("/{page}/commentaires")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> commenter(HttpRequest<?> request, @PathVariable String espace, @PathVariable String page, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        try {
            service.commenter(actor, espace, page, premier(form, "texte"));
            return HttpResponse.seeOther(URI.create("/communaute/espaces/" + espace + "/wiki/" + page + "?message=commentaire#commentaires"));
        } catch (Formulaire.Invalide ex) {
            WikiService.Consultation c = service.consulter(actor, espace, page);
            Map<String, Object> model = modele(c.espace());
            model.put("c", c);
            model.put("erreurs", ex.erreurs());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("communaute/wiki/page", model));
        }
    }

    @Post("/{page}/pieces")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> ajouterPiece(HttpRequest<?> request, @PathVariable String espace, @PathVariable String page,
                                 @Nullable @Part("fichier") CompletedFileUpload fichier, @Nullable @Part("csrfToken") String csrfToken) {
        Actor actor = Actors.of(request);
        Path temporaire = null;
        try {
            if (fichier != null && fichier.getSize() > 0) {
                temporaire = Files.createTempFile("sne-wiki-", ".piece");
                try (InputStream in = fichier.getInputStream()) {
                    Files.copy(in, temporaire, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            service.ajouterPiece(actor, espace, page, fichier == null ? null : fichier.getFilename(), temporaire);
            return HttpResponse.seeOther(URI.create("/communaute/espaces/" + espace + "/wiki/" + page + "?message=piece#pieces"));
        } catch (Formulaire.Invalide ex) {
            WikiService.Consultation c = service.consulter(actor, espace, page);
            Map<String, Object> model = modele(c.espace());
            model.put("c", c);
            model.put("erreurs", ex.erreurs());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("communaute/wiki/page", model));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            if (temporaire != null) {
                try {
                    Files.deleteIfExists(temporaire);
                } catch (IOException ignore) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private ModelAndView<Map<String, Object>> editeur(EspaceVu e, PageWiki page, SaisiePage saisie, ModelePage modele,
                                                       Map<String, String> erreurs, String apercu) {
        Map<String, Object> model = modele(e);
        model.put("page", page);
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("apercu", apercu);
        model.put("modeles", Arrays.stream(ModelePage.values()).toList());
        model.put("modele", modele);
        model.put("parents", service.parents(e, page));
        model.put("action", page == null ? "/communaute/espaces/" + e.espace().slug() + "/wiki" : page.url(e.espace().slug()));
        return new ModelAndView<>("communaute/wiki/edition", model);
    }

    private static Map<String, Object> modele(EspaceVu e) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "communaute");
        model.put("espace", e.espace());
        return model;
    }

    static SaisiePage saisie(Map<String, Object> form) {
        String parent = premier(form, "parentId");
        return new SaisiePage(premier(form, "titre"), premier(form, "texte"),
                parent == null || parent.isBlank() ? null : (Long) (long) entier(parent, 0),
                entier(premier(form, "ordre"), 0), premier(form, "commentaire"), entier(premier(form, "version"), 0));
    }

    static String premier(Map<String, Object> form, String champ) {
        Object v = form.get(champ);
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.valueOf(l.getFirst());
        }
        return v == null ? null : v.toString();
    }

    private static int entier(String s, int parDefaut) {
        try {
            return s == null || s.isBlank() ? parDefaut : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return parDefaut;
        }
    }

    static String encoder(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
