package fr.sne.community.assistance.equipe;

/** A member of a team. */
public record Membre(long utilisateurId, String nom, String courriel) {
}
