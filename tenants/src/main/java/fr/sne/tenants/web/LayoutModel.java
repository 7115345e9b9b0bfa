package fr.sne.tenants.web;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.identity.Habilitation;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds what the shared layout shows (the signed-in person, the active habilitation) to every page. */
@Singleton
public class LayoutModel implements ViewModelProcessor<Map<String, Object>> {

    private final String csrfCookie;
    private final List<ComplementLayout> complements;

    LayoutModel(CsrfConfiguration csrf, List<ComplementLayout> complements) {
        this.csrfCookie = csrf.getCookieName();
        this.complements = List.copyOf(complements);
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = commun(request);
        Actor actor = Actors.of(request);
        complements.forEach(c -> c.completer(actor, model));
        model.putAll(modelAndView.getModel().orElseGet(Map::of));
        modelAndView.setModel(model);
    }

    /** What every page's layout needs: the signed-in person and the forms' CSRF token. */
    public Map<String, Object> commun(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", user(Actors.of(request)));
        // double-submit: forms send back the token of the cookie set at sign-in
        request.getCookies().findCookie(csrfCookie).ifPresent(c -> model.put("csrfToken", c.getValue()));
        return model;
    }

    /** The layout's {@code user} for an actor; null when nobody is signed in. */
    private static Map<String, Object> user(Actor actor) {
        return switch (actor) {
            case Actor.Professionnel p -> {
                Map<String, Object> user = new HashMap<>();
                user.put("displayName", p.nomAffiche());
                user.put("email", p.email());
                p.habilitationActive().ifPresent(h -> putHabilitation(user, h));
                user.put("habilitations", p.habilitations().stream().map(h -> Map.of(
                        "id", h.id(), "libelle", h.libelle(),
                        "active", p.habilitationActive().map(a -> a.id() == h.id()).orElse(false))).toList());
                yield user;
            }
            case Actor.Particulier p -> {
                Map<String, Object> user = new HashMap<>();
                user.put("displayName", p.nomAffiche());
                user.put("email", p.email());
                yield user;
            }
            case Actor.ClientApi c -> null;
            case Actor.Systeme s -> null;
            case Actor.Anonyme a -> null;
        };
    }

    private static void putHabilitation(Map<String, Object> user, Habilitation h) {
        user.put("habilitation", h.libelle());
        user.put("profil", h.profil().libelle());
        user.put("guichet", h.guichet() == null ? null : h.guichetNom() + " (" + h.guichet() + ")");
        user.put("territoire", h.territoire() == null ? null : h.territoireNom() + " (" + h.territoire() + ")");
    }
}
