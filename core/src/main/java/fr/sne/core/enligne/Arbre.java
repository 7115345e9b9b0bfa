package fr.sne.core.enligne;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CERFA content as a tree of maps and lists (its JSON form), read and written by path:
 * {@code demandeur.adresse.voie}, {@code cotitulaires[0].prenoms}.
 */
final class Arbre {

    private static final Pattern INDICE = Pattern.compile("(.+)\\[(\\d+)]");

    private Arbre() {
    }

    /** The value at a path, or null when any part of it is missing. */
    static Object lire(Map<String, Object> racine, String chemin) {
        Object courant = racine;
        for (String segment : chemin.split("\\.")) {
            courant = enfant(courant, segment);
            if (courant == null) {
                return null;
            }
        }
        return courant;
    }

    /**
     * Writes a value (null removes it), creating the objects on the way; false, writing nothing,
     * when the path goes through a list element that does not exist.
     */
    @SuppressWarnings("unchecked")
    static boolean ecrire(Map<String, Object> racine, String chemin, Object valeur) {
        String[] segments = chemin.split("\\.");
        Map<String, Object> parent = racine;
        for (int i = 0; i < segments.length - 1; i++) {
            Object suivant = enfant(parent, segments[i]);
            if (suivant == null && INDICE.matcher(segments[i]).matches()) {
                return false;
            }
            if (!(suivant instanceof Map<?, ?>)) {
                if (valeur == null) {
                    return true;
                }
                suivant = new LinkedHashMap<String, Object>();
                parent.put(segments[i], suivant);
            }
            parent = (Map<String, Object>) suivant;
        }
        if (valeur == null) {
            parent.remove(segments[segments.length - 1]);
        } else {
            parent.put(segments[segments.length - 1], valeur);
        }
        return true;
    }

    /** Whether every list element the path goes through exists (the last segment may be missing). */
    static boolean accessible(Map<String, Object> racine, String chemin) {
        int point = chemin.lastIndexOf('.');
        if (point < 0) {
            return true;
        }
        String parent = chemin.substring(0, point);
        return !parent.contains("[") || lire(racine, parent) != null;
    }

    private static Object enfant(Object noeud, String segment) {
        if (!(noeud instanceof Map<?, ?> map)) {
            return null;
        }
        Matcher m = INDICE.matcher(segment);
        if (!m.matches()) {
            return map.get(segment);
        }
        Object liste = map.get(m.group(1));
        int i = Integer.parseInt(m.group(2));
        return liste instanceof List<?> l && i < l.size() ? l.get(i) : null;
    }

    /** A deep, mutable copy of a tree read from JSON. */
    @SuppressWarnings("unchecked")
    static <T> T copie(T noeud) {
        if (noeud instanceof Map<?, ?> map) {
            Map<String, Object> copie = new LinkedHashMap<>();
            map.forEach((k, v) -> copie.put((String) k, copie(v)));
            return (T) copie;
        }
        if (noeud instanceof List<?> liste) {
            List<Object> copie = new ArrayList<>();
            liste.forEach(v -> copie.add(copie(v)));
            return (T) copie;
        }
        return noeud;
    }
}
