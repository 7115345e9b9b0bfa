package fr.sne.community.assistance.type;

import fr.sne.community.assistance.ApplicationAssistee;
import fr.sne.community.assistance.ThemeAssistance;

import java.util.List;

/** A request type: one application and one theme, with its own fields. */
public record TypeAssistance(long id, String code, ApplicationAssistee application, ThemeAssistance theme,
                             String libelle, String description, boolean actif, List<Champ> champs) {

    public TypeAssistance {
        champs = champs == null ? List.of() : List.copyOf(champs);
    }
}
