package fr.sne.tenants.web;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.identity.Habilitation;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** Adds what the shared layout shows (the signed-in person, the active habilitation) to every page. */
@Singleton
public class LayoutModel implements ViewModelProcessor<Map<String, Object>> {

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        model.putIfAbsent("user", user(Actors.of(request)));
        modelAndView.setModel(model);
    }

    /** The layout's {@code user} for an actor; null when nobody is signed in. */
    public static Map<String, Object> user(Actor actor) {
        return switch (actor) {
            case Actor.Professionnel p -> {
                Map<String, Object> user = new HashMap<>();
                user.put("displayName", p.nomAffiche());
                user.put("email", p.email());
                p.habilitationActive().ifPresent(h -> putHabilitation(user, h));
                yield user;
            }
            case Actor.Particulier p -> {
                Map<String, Object> user = new HashMap<>();
                user.put("displayName", p.nomAffiche());
                user.put("email", p.email());
                yield user;
            }
            case Actor.ClientApi c -> null;
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
