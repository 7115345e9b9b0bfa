package fr.sne.core.antifraude;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the applicant's history is made of: the application's versions and its system events,
 * each with the desk it came from (never the agent). Inside a scoped transaction (RLS: the
 * applicant's account opens their own application only).
 */
@Singleton
class HistoriqueRepository {

    private final JdbcOperations jdbc;

    HistoriqueRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A version: its content (JSON text), its author's kind (the audit id) and desk. */
    record Version(int version, String document, String auteur, String guichet, String guichetNom, Instant ecriteLe) {
    }

    /** A system event. */
    record Evenement(String code, LocalDate dateSurvenance, String guichet, String guichetNom, Instant creeLe) {
    }

    List<Version> versions(String territoire, String numero) {
        return jdbc.prepareStatement("""
                SELECT v.version, v.document::text, v.auteur, v.guichet, g.nom, v.ecrite_le
                  FROM demande_version v LEFT JOIN guichet_nom g ON g.code = v.guichet
                 WHERE v.territoire = ? AND v.numero_unique = ? ORDER BY v.version""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                List<Version> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
                return list;
            }
        });
    }

    /** The system events still standing (a deleted event is no longer the applicant's). */
    List<Evenement> evenementsSysteme(String territoire, String numero) {
        return jdbc.prepareStatement("""
                SELECT e.code, e.date_survenance, e.guichet, g.nom, e.cree_le
                  FROM evenement e LEFT JOIN guichet_nom g ON g.code = e.guichet
                 WHERE e.territoire = ? AND e.numero_unique = ? AND e.origine = 'SYSTEME' AND e.supprime_le IS NULL
                 ORDER BY e.cree_le, e.id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                List<Evenement> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Evenement(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
                return list;
            }
        });
    }
}
