package fr.sne.community.assistance.equipe;

/** A named group tickets can be shared with (e.g. "GT national"). */
public record Equipe(long id, String nom, String description, int membres) {
}
