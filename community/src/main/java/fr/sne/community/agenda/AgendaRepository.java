package fr.sne.community.agenda;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The calendar's tables and the feeds' tokens; every call runs inside a scoped transaction. */
@Singleton
class AgendaRepository {

    private static final String SELECT = """
            SELECT v.id, v.espace_id, e.slug, e.nom, v.uid, v.titre, v.type, v.journee, v.debut, v.fin, v.lieu, v.lien_visio,
                   v.description, v.modifie_le, v.sequence
              FROM evenement_agenda v JOIN espace e ON e.id = v.espace_id
            """;

    /** What the form posts, checked. */
    record Saisie(String titre, TypeEvenement type, boolean journee, LocalDateTime debut, LocalDateTime fin, String lieu,
                  String lienVisio, String description) {
    }

    private final JdbcOperations jdbc;

    AgendaRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long creer(long espaceId, Saisie s, long auteurId, Instant le) {
        return jdbc.prepareStatement("""
                INSERT INTO evenement_agenda (espace_id, uid, titre, type, journee, debut, fin, lieu, lien_visio, description,
                                              auteur_id, cree_le, modifie_le)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setLong(1, espaceId);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, s.titre());
            ps.setString(4, s.type().name());
            ps.setBoolean(5, s.journee());
            ps.setObject(6, s.debut());
            ps.setObject(7, s.fin());
            ps.setString(8, s.lieu());
            ps.setString(9, s.lienVisio());
            ps.setString(10, s.description());
            ps.setLong(11, auteurId);
            ps.setTimestamp(12, Timestamp.from(le));
            ps.setTimestamp(13, Timestamp.from(le));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    Optional<EvenementAgenda> parId(long id) {
        return jdbc.prepareStatement(SELECT + " WHERE v.id = ?", ps -> {
            ps.setLong(1, id);
            return lire(ps.executeQuery());
        }).stream().findFirst();
    }

    /** The events of these spaces ending after {@code depuis}, soonest first. */
    List<EvenementAgenda> depuis(Collection<Long> espaces, LocalDateTime depuis, int limite) {
        if (espaces.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(SELECT + " WHERE v.espace_id = ANY (?) AND v.fin >= ? ORDER BY v.debut, v.id LIMIT ?", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", espaces.toArray()));
            ps.setObject(2, depuis);
            ps.setInt(3, limite);
            return lire(ps.executeQuery());
        });
    }

    /** The most recently published events of these spaces (community home). */
    List<EvenementAgenda> recents(Collection<Long> espaces, int limite) {
        if (espaces.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(SELECT + " WHERE v.espace_id = ANY (?) ORDER BY v.cree_le DESC LIMIT ?", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", espaces.toArray()));
            ps.setInt(2, limite);
            return lire(ps.executeQuery());
        });
    }

    void parcourir(Consumer<EvenementAgenda> sink) {
        jdbc.prepareStatement(SELECT + " ORDER BY v.id", ps -> {
            lire(ps.executeQuery()).forEach(sink);
            return null;
        });
    }

    void repondre(long evenementId, long espaceId, long utilisateurId, Reponse reponse, Instant le) {
        jdbc.prepareStatement("""
                INSERT INTO evenement_agenda_reponse (evenement_id, utilisateur_id, espace_id, reponse, repondu_le) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (evenement_id, utilisateur_id) DO UPDATE SET reponse = EXCLUDED.reponse, repondu_le = EXCLUDED.repondu_le""", ps -> {
            ps.setLong(1, evenementId);
            ps.setLong(2, utilisateurId);
            ps.setLong(3, espaceId);
            ps.setString(4, reponse.name());
            ps.setTimestamp(5, Timestamp.from(le));
            return ps.executeUpdate();
        });
    }

    Map<Reponse, Integer> comptes(long evenementId) {
        return jdbc.prepareStatement("SELECT reponse, count(*) FROM evenement_agenda_reponse WHERE evenement_id = ? GROUP BY reponse", ps -> {
            ps.setLong(1, evenementId);
            Map<Reponse, Integer> comptes = new EnumMap<>(Reponse.class);
            for (Reponse r : Reponse.values()) {
                comptes.put(r, 0);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    comptes.put(Reponse.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return comptes;
        });
    }

    /** The user's answers, by event id. */
    Map<Long, Reponse> reponsesDe(long utilisateurId) {
        return jdbc.prepareStatement("SELECT evenement_id, reponse FROM evenement_agenda_reponse WHERE utilisateur_id = ?", ps -> {
            ps.setLong(1, utilisateurId);
            Map<Long, Reponse> reponses = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reponses.put(rs.getLong(1), Reponse.valueOf(rs.getString(2)));
                }
            }
            return reponses;
        });
    }

    void enregistrerJeton(long utilisateurId, byte[] empreinte, Instant le) {
        jdbc.prepareStatement("""
                INSERT INTO jeton_calendrier (utilisateur_id, empreinte, cree_le) VALUES (?, ?, ?)
                ON CONFLICT (utilisateur_id) DO UPDATE SET empreinte = EXCLUDED.empreinte, cree_le = EXCLUDED.cree_le""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setBytes(2, empreinte);
            ps.setTimestamp(3, Timestamp.from(le));
            return ps.executeUpdate();
        });
    }

    boolean revoquerJeton(long utilisateurId) {
        return jdbc.prepareStatement("DELETE FROM jeton_calendrier WHERE utilisateur_id = ?", ps -> {
            ps.setLong(1, utilisateurId);
            return ps.executeUpdate() > 0;
        });
    }

    Optional<Instant> jetonCreeLe(long utilisateurId) {
        return jdbc.prepareStatement("SELECT cree_le FROM jeton_calendrier WHERE utilisateur_id = ?", ps -> {
            ps.setLong(1, utilisateurId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
            }
        });
    }

    Optional<Long> utilisateurDuJeton(byte[] empreinte) {
        return jdbc.prepareStatement("SELECT utilisateur_id FROM jeton_calendrier WHERE empreinte = ?", ps -> {
            ps.setBytes(1, empreinte);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    private static List<EvenementAgenda> lire(ResultSet rs) throws SQLException {
        try (rs) {
            List<EvenementAgenda> liste = new ArrayList<>();
            while (rs.next()) {
                liste.add(new EvenementAgenda(rs.getLong("id"), rs.getLong("espace_id"), rs.getString("slug"), rs.getString("nom"),
                        rs.getObject("uid", UUID.class), rs.getString("titre"), TypeEvenement.valueOf(rs.getString("type")),
                        rs.getBoolean("journee"), rs.getObject("debut", LocalDateTime.class), rs.getObject("fin", LocalDateTime.class),
                        rs.getString("lieu"), rs.getString("lien_visio"), rs.getString("description"),
                        rs.getTimestamp("modifie_le").toInstant(), rs.getInt("sequence")));
            }
            return liste;
        }
    }
}
