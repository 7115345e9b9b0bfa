package fr.sne.tenants.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors of a submitted form, field by field, in French: shown next to each field and in a
 * summary at the top of the page. Collected by services, never thrown one at a time.
 */
public final class Formulaire {

    private final Map<String, String> erreurs = new LinkedHashMap<>();

    /** A typed value: trimmed, or null when blank. */
    public static String texte(String saisie) {
        return saisie == null || saisie.isBlank() ? null : saisie.strip();
    }

    public Formulaire erreur(String champ, String message) {
        erreurs.putIfAbsent(champ, message);
        return this;
    }

    public boolean valide() {
        return erreurs.isEmpty();
    }

    public Map<String, String> erreurs() {
        return Map.copyOf(erreurs);
    }

    /** Thrown by a service when the form cannot be saved; the controller shows the form again. */
    public static final class Invalide extends RuntimeException {
        private final Map<String, String> erreurs;

        public Invalide(Formulaire formulaire) {
            super("Formulaire invalide : " + formulaire.erreurs.keySet(), null, false, false);
            this.erreurs = new LinkedHashMap<>(formulaire.erreurs);
        }

        public Map<String, String> erreurs() {
            return erreurs;
        }
    }

    public void verifier() {
        if (!valide()) {
            throw new Invalide(this);
        }
    }
}
