package fr.sne.community.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * How the spaces' features announce what happened: call {@link #publier} inside the change's own
 * transaction (the space's scope). The event is kept in the outbox ({@code evenement_communaute})
 * with the change, so it is neither lost nor announced for a change that rolled back; the
 * subscriptions' job turns it into notifications.
 */
@Singleton
public class Diffusion {

    private final JdbcOperations jdbc;

    Diffusion(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void publier(EvenementCommunaute e) {
        jdbc.prepareStatement("""
                INSERT INTO evenement_communaute (espace_id, type, categorie_id, sujet_id, tags, titre, extrait, url, auteur_id, mentionnes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setLong(1, e.espaceId());
            ps.setString(2, e.type().name());
            ps.setObject(3, e.categorieId());
            ps.setObject(4, e.sujetId());
            ps.setArray(5, ps.getConnection().createArrayOf("text", e.tags().toArray()));
            ps.setString(6, e.titre());
            ps.setString(7, e.extrait());
            ps.setString(8, e.url());
            ps.setObject(9, e.auteurId());
            ps.setArray(10, ps.getConnection().createArrayOf("bigint", e.mentionnes().toArray()));
            return ps.executeUpdate();
        });
    }
}
