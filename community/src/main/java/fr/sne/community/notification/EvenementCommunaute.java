package fr.sne.community.notification;

import java.util.Set;

/**
 * Something that happened in a space, which watchers may want to hear about.
 *
 * @param categorieId the forum category (topics and replies), or null
 * @param sujetId     the topic (topics, replies, solved), or null
 * @param tags        the topic's tags (watching a tag)
 * @param url         where the notification leads (a path of the portal)
 * @param auteurId    who did it (never notified of their own action)
 * @param mentionnes  the users @mentioned in it (notified immediately, whatever they watch,
 *                    provided they see the space)
 */
public record EvenementCommunaute(Type type, long espaceId, Long categorieId, Long sujetId, Set<String> tags, String titre,
                                  String extrait, String url, Long auteurId, Set<Long> mentionnes) {

    public enum Type { SUJET, REPONSE, SUJET_RESOLU, PAGE, ACTUALITE, ACTUALITE_IMPORTANTE, EVENEMENT }

    public EvenementCommunaute {
        tags = Set.copyOf(tags);
        mentionnes = Set.copyOf(mentionnes);
        titre = titre.length() > 300 ? titre.substring(0, 300) : titre;
        extrait = extrait == null ? "" : extrait.length() > 1000 ? extrait.substring(0, 999) + "…" : extrait;
    }
}
