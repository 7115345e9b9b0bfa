package fr.sne.tenants.web;

import java.util.HashMap;
import java.util.Map;

/** The model every administration page starts from: the "pro" navigation and its side-menu entry. */
public final class Pages {

    private Pages() {
    }

    public static Map<String, Object> admin(String entree) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("adminNav", entree);
        return model;
    }
}
