package fr.sne.tenants.web;

import fr.sne.tenants.identity.Actor;

import java.util.Map;

/**
 * What a feature adds to the shared layout of every rendered page (e.g. the community's unread
 * notifications count in the header). Called once per rendered view, never for static assets.
 */
public interface ComplementLayout {

    /** Adds the feature's layout variables to {@code model}. */
    void completer(Actor actor, Map<String, Object> model);
}
