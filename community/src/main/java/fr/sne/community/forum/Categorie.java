package fr.sne.community.forum;

/** A forum category of a space, with its moderation settings. */
public record Categorie(long id, long espaceId, String nom, String description, int ordre, boolean approbation,
                        int modeLentSecondes, int version) {
}
