package fr.sne.community.forum;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Dates;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.espace.Espaces;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The forum pages' shared models: the topic page (also shown again by moderation forms with their errors). */
@Singleton
class PagesForum {

    private final Espaces espaces;
    private final ForumService service;
    private final Redaction redaction;
    private final PiecesForumService pieces;

    PagesForum(Espaces espaces, ForumService service, Redaction redaction, PiecesForumService pieces) {
        this.espaces = espaces;
        this.service = service;
        this.redaction = redaction;
        this.pieces = pieces;
    }

    static String resume(String texte) {
        String t = texte.replaceAll("\\s+", " ").strip();
        return t.length() > 300 ? t.substring(0, 299) + "…" : t;
    }

    ModelAndView<Map<String, Object>> sujet(Actor actor, ForumService.SujetOuvert s, Map<String, String> saisie,
                                                Map<String, String> erreurs, String message) {
        Map<String, Object> model = modele(s.espace(), actor);
        List<Message> messages = service.messages(actor, s);
        model.put("sujet", s.sujet());
        model.put("categorie", s.categorie());
        model.put("messages", messages);
        model.put("premier", messages.isEmpty() ? null : messages.getFirst().id());
        model.put("acceptee", messages.stream().filter(m -> s.sujet().reponseAccepteeId() != null && m.id() == s.sujet().reponseAccepteeId())
                .findFirst().orElse(null));
        model.put("resumeAcceptee", messages.stream().filter(m -> s.sujet().reponseAccepteeId() != null && m.id() == s.sujet().reponseAccepteeId())
                .findFirst().map(m -> resume(redaction.texte(m.markdown()))).orElse(""));
        model.put("peutResoudre", s.moderateur() || s.sujet().auteurId() == ForumService.id(actor));
        model.put("moi", ForumService.id(actor));
        model.put("pieces", pieces.pieces(s).stream().collect(java.util.stream.Collectors.groupingBy(PieceForum::messageId)));
        Map<String, String> valeurs = saisie;
        if (valeurs == null) {
            valeurs = service.brouillon(actor, s.espace().espace(), "sujet:" + s.sujet().id())
                    .map(b -> Map.of("markdown", b.markdown())).orElse(Map.of());
            model.put("brouillonRestaure", !valeurs.isEmpty());
        }
        model.put("saisie", valeurs);
        model.put("erreurs", erreurs);
        if (s.moderateur()) {
            model.put("destinations", destinations(actor));
        }
        model.put("message", message == null ? null : switch (message) {
            case "attente" -> "Votre message attend l’approbation d’un modérateur : il sera visible de tous ensuite.";
            case "brouillon" -> "Votre brouillon est enregistré : il vous attend sur cette page.";
            case "resolu" -> "Le sujet est marqué comme résolu.";
            case "non-resolu" -> "Le sujet n’est plus marqué comme résolu.";
            case "modifie" -> "Le message est modifié ; sa version précédente reste consultable.";
            case "signale" -> "Merci : les modérateurs de l’espace examineront votre signalement.";
            case "piece" -> "Le fichier est joint au message.";
            case "moderation" -> "L’action de modération est enregistrée au journal.";
            default -> null;
        });
        return new ModelAndView<>("communaute/forum/sujet", model);
    }

    /** The categories a moderator may move a topic to: those of every space they moderate. */
    private Map<String, String> destinations(Actor actor) {
        Map<String, String> options = new LinkedHashMap<>();
        for (EspaceVu v : espaces.visibles(actor)) {
            if (espaces.decider(actor, v, ActionEspace.MODERER).autorisee()) {
                for (Categorie c : service.categories(v.espace())) {
                    options.put(Long.toString(c.id()), v.espace().nom() + " — " + c.nom());
                }
            }
        }
        return options;
    }

    Map<String, Object> modele(EspaceVu vu, Actor actor) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "communaute");
        model.put("dates", Dates.INSTANCE);
        model.put("espace", vu.espace());
        model.put("role", vu.role().orElse(null));
        model.put("peutParticiper", espaces.decider(actor, vu, ActionEspace.PARTICIPER).autorisee());
        model.put("peutModerer", espaces.decider(actor, vu, ActionEspace.MODERER).autorisee());
        model.put("peutGerer", espaces.decider(actor, vu, ActionEspace.GERER).autorisee());
        return model;
    }

}
