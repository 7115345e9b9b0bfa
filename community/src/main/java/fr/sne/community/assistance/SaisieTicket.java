package fr.sne.community.assistance;

import java.util.Map;
import java.util.Set;

/** A new ticket as typed in the form (unchecked). */
public record SaisieTicket(String typeId, String priorite, String resume, String description, Map<String, String> champs,
                           boolean partageOrganisation, Set<Long> equipes) {

    public SaisieTicket {
        champs = champs == null ? Map.of() : Map.copyOf(champs);
        equipes = equipes == null ? Set.of() : Set.copyOf(equipes);
    }
}
