package fr.sne.community.assistance.type;

import java.util.List;

/**
 * A field of a request type.
 *
 * @param nature how the value is checked
 * @param choix  the allowed values of a {@link Nature#CHOIX} field
 */
public record Champ(String code, String libelle, String aide, Nature nature, boolean obligatoire, List<String> choix) {

    public enum Nature { TEXTE, CHOIX, NUMERO_UNIQUE, GUICHET }

    public Champ {
        choix = choix == null ? List.of() : List.copyOf(choix);
    }

    /** The form's field name. */
    public String nomFormulaire() {
        return "champ_" + code;
    }
}
