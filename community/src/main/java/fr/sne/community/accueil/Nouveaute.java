package fr.sne.community.accueil;

import java.time.Instant;

/**
 * One new thing in a space, for the professionals' community home ("Quoi de neuf").
 *
 * @param type  its kind in French, shown as a tag (e.g. "Sujet", "Page", "Actualité", "Événement")
 */
public record Nouveaute(String type, String titre, String extrait, String url, long espaceId, String espaceNom, Instant date) {
}
