package fr.sne.community.assistance;

import java.util.Set;

/**
 * What decides a professional's access to tickets.
 *
 * @param agent         national support (assistance nationale or administrateur national)
 * @param organisations keys ({@link Organisation#cle()}) of the organisations of their habilitations
 * @param equipes       ids of their teams
 */
public record Lecteur(long utilisateurId, boolean agent, Set<String> organisations, Set<Long> equipes) {

    public Lecteur {
        organisations = Set.copyOf(organisations);
        equipes = Set.copyOf(equipes);
    }
}
