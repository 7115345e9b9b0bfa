package fr.sne.community.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The outbox's events, notifications, digests and notification mails' Message-IDs; inside a scoped transaction. */
@Singleton
public class NotificationRepository {

    /** An outbox row to fan out. */
    public record Evenement(long id, long espaceId, EvenementCommunaute.Type type, Long categorieId, Long sujetId,
                            Set<String> tags, String titre, String extrait, String url, Long auteurId, Set<Long> mentionnes,
                            Instant creeLe) {
    }

    /** What a reply by e-mail answers. */
    public record MessageNotification(String messageId, long utilisateurId, long sujetId, long espaceId) {
    }

    private static final String COLONNES = """
            n.id, n.utilisateur_id, n.evenement_id, n.espace_id, e.nom AS espace_nom, n.type, n.motif, n.sujet_id, n.titre,
            n.extrait, n.url, n.cible, n.cree_le, n.lue_le, n.courriel""";

    private final JdbcOperations jdbc;

    NotificationRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the oldest event not yet fanned out, skipping one another runner holds (one statement). */
    public Optional<Evenement> reclamer() {
        return jdbc.prepareStatement("""
                SELECT id, espace_id, type, categorie_id, sujet_id, tags, titre, extrait, url, auteur_id, mentionnes, cree_le
                  FROM evenement_communaute WHERE traite_le IS NULL AND espace_id IS NOT NULL
                 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Evenement>empty();
                }
                return Optional.of(new Evenement(rs.getLong("id"), rs.getLong("espace_id"),
                        EvenementCommunaute.Type.valueOf(rs.getString("type")), (Long) rs.getObject("categorie_id", Long.class),
                        rs.getObject("sujet_id", Long.class), Set.of((String[]) rs.getArray("tags").getArray()),
                        rs.getString("titre"), rs.getString("extrait"), rs.getString("url"), rs.getObject("auteur_id", Long.class),
                        Set.of((Long[]) rs.getArray("mentionnes").getArray()), rs.getTimestamp("cree_le").toInstant()));
            }
        });
    }

    public void marquerTraite(long evenementId, Instant quand) {
        jdbc.prepareStatement("UPDATE evenement_communaute SET traite_le = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(quand));
            ps.setLong(2, evenementId);
            return ps.executeUpdate();
        });
    }

    /** Who opened the topic (the author of its SUJET event). */
    public Optional<Long> auteurDuSujet(long sujetId) {
        return jdbc.prepareStatement("""
                SELECT auteur_id FROM evenement_communaute WHERE type = 'SUJET' AND sujet_id = ? AND auteur_id IS NOT NULL
                 ORDER BY id LIMIT 1""", ps -> {
            ps.setLong(1, sujetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /** Writes the notification; false when this event already notified this person (a replay). */
    public boolean inserer(Evenement e, long utilisateurId, ReglesNotification.Decision d, Instant quand) {
        return jdbc.prepareStatement("""
                INSERT INTO notification (utilisateur_id, evenement_id, espace_id, type, motif, sujet_id, titre, extrait, url,
                                          cible, cree_le, courriel)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (evenement_id, utilisateur_id) DO NOTHING""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setLong(2, e.id());
            ps.setLong(3, e.espaceId());
            ps.setString(4, e.type().name());
            ps.setString(5, d.motif().name());
            ps.setObject(6, e.sujetId());
            ps.setString(7, e.titre());
            ps.setString(8, e.extrait());
            ps.setString(9, e.url());
            ps.setString(10, d.cible() == null ? null : d.cible().toString());
            ps.setTimestamp(11, Timestamp.from(quand));
            ps.setString(12, d.courriel().name());
            return ps.executeUpdate() > 0;
        });
    }

    /** A person's notifications in the given spaces: unread first, then newest. */
    public List<Notification> de(long utilisateurId, Collection<Long> espaces, int limite) {
        return jdbc.prepareStatement("SELECT " + COLONNES + """
                  FROM notification n JOIN espace e ON e.id = n.espace_id
                 WHERE n.utilisateur_id = ? AND n.espace_id = ANY (?)
                 ORDER BY (n.lue_le IS NULL) DESC, n.cree_le DESC, n.id DESC LIMIT ?""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", espaces.toArray()));
            ps.setInt(3, limite);
            return liste(ps.executeQuery());
        });
    }

    public int nonLues(long utilisateurId, Collection<Long> espaces) {
        return jdbc.prepareStatement("""
                SELECT count(*) FROM notification WHERE utilisateur_id = ? AND lue_le IS NULL AND espace_id = ANY (?)""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", espaces.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Marks the person's notification (or all of them when {@code id} is null) read. */
    public int marquerLues(long utilisateurId, Long id, Instant quand) {
        return jdbc.prepareStatement("""
                UPDATE notification SET lue_le = ? WHERE utilisateur_id = ? AND lue_le IS NULL AND (?::bigint IS NULL OR id = ?)""", ps -> {
            ps.setTimestamp(1, Timestamp.from(quand));
            ps.setLong(2, utilisateurId);
            ps.setObject(3, id);
            ps.setObject(4, id);
            return ps.executeUpdate();
        });
    }

    /** Claims one notification whose immediate mail is due, skipping those another runner holds or that failed in this run. */
    public Optional<Notification> reclamerImmediate(Set<Long> exclues) {
        return jdbc.prepareStatement("SELECT " + COLONNES + """
                  FROM notification n JOIN espace e ON e.id = n.espace_id
                 WHERE n.courriel = 'IMMEDIAT' AND n.envoye_le IS NULL AND NOT (n.id = ANY (?))
                 ORDER BY n.id LIMIT 1 FOR UPDATE OF n SKIP LOCKED""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", exclues.toArray()));
            List<Notification> l = liste(ps.executeQuery());
            return l.isEmpty() ? Optional.<Notification>empty() : Optional.of(l.getFirst());
        });
    }

    public void marquerEnvoyee(long id, Instant quand) {
        jdbc.prepareStatement("UPDATE notification SET envoye_le = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(quand));
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    /** The people with digest items waiting, created up to {@code avant}. */
    public List<Long> enAttenteDeResume(Instant avant) {
        return jdbc.prepareStatement("""
                SELECT DISTINCT utilisateur_id FROM notification
                 WHERE courriel = 'RESUME' AND resume_id IS NULL AND cree_le <= ? ORDER BY utilisateur_id""", ps -> {
            ps.setTimestamp(1, Timestamp.from(avant));
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        });
    }

    /** Locks and returns the person's waiting digest items, oldest first. */
    public List<Notification> elementsDeResume(long utilisateurId, Instant avant) {
        return jdbc.prepareStatement("SELECT " + COLONNES + """
                  FROM notification n JOIN espace e ON e.id = n.espace_id
                 WHERE n.utilisateur_id = ? AND n.courriel = 'RESUME' AND n.resume_id IS NULL AND n.cree_le <= ?
                 ORDER BY n.cree_le, n.id FOR UPDATE OF n""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setTimestamp(2, Timestamp.from(avant));
            return liste(ps.executeQuery());
        });
    }

    /** Records the person's digest for the period; empty when one was already recorded (never twice). */
    public Optional<Long> enregistrerResume(long utilisateurId, String periode, int elements, Instant quand) {
        return jdbc.prepareStatement("""
                INSERT INTO resume_courriel (utilisateur_id, periode, elements, envoye_le) VALUES (?, ?, ?, ?)
                ON CONFLICT (utilisateur_id, periode) DO NOTHING RETURNING id""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setString(2, periode);
            ps.setInt(3, elements);
            ps.setTimestamp(4, Timestamp.from(quand));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    public void rattacher(long resumeId, Collection<Long> notifications) {
        jdbc.prepareStatement("UPDATE notification SET resume_id = ? WHERE id = ANY (?)", ps -> {
            ps.setLong(1, resumeId);
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", notifications.toArray()));
            return ps.executeUpdate();
        });
    }

    public void enregistrerMessage(MessageNotification m) {
        jdbc.prepareStatement("""
                INSERT INTO courriel_notification (message_id, utilisateur_id, sujet_id, espace_id) VALUES (?, ?, ?, ?)""", ps -> {
            ps.setString(1, m.messageId());
            ps.setLong(2, m.utilisateurId());
            ps.setLong(3, m.sujetId());
            ps.setLong(4, m.espaceId());
            return ps.executeUpdate();
        });
    }

    /** The first of these Message-IDs that is one of our notification mails. */
    public Optional<MessageNotification> message(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("""
                SELECT message_id, utilisateur_id, sujet_id, espace_id FROM courriel_notification
                 WHERE message_id = ANY (?) ORDER BY array_position(?, message_id) LIMIT 1""", ps -> {
            Array ids = ps.getConnection().createArrayOf("text", new LinkedHashSet<>(messageIds).toArray());
            ps.setArray(1, ids);
            ps.setArray(2, ids);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new MessageNotification(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                        : Optional.<MessageNotification>empty();
            }
        });
    }

    /** A person's e-mail address (active accounts only). */
    public Optional<String> email(long utilisateurId) {
        return jdbc.prepareStatement("SELECT email FROM utilisateur WHERE id = ? AND actif", ps -> {
            ps.setLong(1, utilisateurId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    private static List<Notification> liste(ResultSet rs) throws SQLException {
        try (rs) {
            List<Notification> liste = new ArrayList<>();
            while (rs.next()) {
                Timestamp lue = rs.getTimestamp("lue_le");
                liste.add(new Notification(rs.getLong("id"), rs.getLong("utilisateur_id"), rs.getLong("evenement_id"),
                        rs.getLong("espace_id"), rs.getString("espace_nom"), EvenementCommunaute.Type.valueOf(rs.getString("type")),
                        ReglesNotification.Motif.valueOf(rs.getString("motif")), rs.getObject("sujet_id", Long.class),
                        rs.getString("titre"), rs.getString("extrait"), rs.getString("url"), rs.getString("cible"),
                        rs.getTimestamp("cree_le").toInstant(), lue == null ? null : lue.toInstant(),
                        ReglesNotification.Courriel.valueOf(rs.getString("courriel"))));
            }
            return liste;
        }
    }
}
