package fr.sne.community.abonnement;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Subscriptions and e-mail preferences (a person's own settings: no territory, no RLS); inside a transaction. */
@Singleton
public class AbonnementRepository {

    /** A subscription met by an event: whose, to what, at which level. */
    public record Correspondance(long utilisateurId, Cible cible, Niveau niveau) {
    }

    private final JdbcOperations jdbc;

    AbonnementRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Abonnement> de(long utilisateurId) {
        return jdbc.prepareStatement("""
                SELECT utilisateur_id, cible_type, cible, niveau, choisi, libelle, url, modifie_le
                  FROM abonnement WHERE utilisateur_id = ? ORDER BY modifie_le DESC, id DESC""", ps -> {
            ps.setLong(1, utilisateurId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Abonnement> liste = new ArrayList<>();
                while (rs.next()) {
                    abonnement(rs).ifPresent(liste::add);
                }
                return liste;
            }
        });
    }

    public Optional<Niveau> niveau(long utilisateurId, Cible cible) {
        return jdbc.prepareStatement("SELECT niveau FROM abonnement WHERE utilisateur_id = ? AND cible_type = ? AND cible = ?", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setString(2, cible.type().code());
            ps.setString(3, cible.valeur());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Niveau.valueOf(rs.getString(1))) : Optional.<Niveau>empty();
            }
        });
    }

    /** Sets the person's chosen level (their choice replaces an automatic one). */
    public void definir(long utilisateurId, Cible cible, Niveau niveau, String libelle, String url, Instant maintenant) {
        jdbc.prepareStatement("""
                INSERT INTO abonnement (utilisateur_id, cible_type, cible, niveau, choisi, libelle, url, modifie_le)
                VALUES (?, ?, ?, ?, true, ?, ?, ?)
                ON CONFLICT (utilisateur_id, cible_type, cible) DO UPDATE
                   SET niveau = EXCLUDED.niveau, choisi = true, modifie_le = EXCLUDED.modifie_le,
                       libelle = CASE WHEN EXCLUDED.libelle = '' THEN abonnement.libelle ELSE EXCLUDED.libelle END,
                       url = CASE WHEN EXCLUDED.url = '' THEN abonnement.url ELSE EXCLUDED.url END""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setString(2, cible.type().code());
            ps.setString(3, cible.valeur());
            ps.setString(4, niveau.name());
            ps.setString(5, libelle);
            ps.setString(6, url);
            ps.setTimestamp(7, Timestamp.from(maintenant));
            return ps.executeUpdate();
        });
    }

    /** Automatic Suivi on one's own topic or reply, unless a subscription to it already exists. */
    public void suivreParDefaut(long utilisateurId, Cible cible, String libelle, String url, Instant maintenant) {
        jdbc.prepareStatement("""
                INSERT INTO abonnement (utilisateur_id, cible_type, cible, niveau, choisi, libelle, url, modifie_le)
                VALUES (?, ?, ?, 'SUIVI', false, ?, ?, ?) ON CONFLICT (utilisateur_id, cible_type, cible) DO NOTHING""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setString(2, cible.type().code());
            ps.setString(3, cible.valeur());
            ps.setString(4, libelle.length() > 300 ? libelle.substring(0, 300) : libelle);
            ps.setString(5, url);
            ps.setTimestamp(6, Timestamp.from(maintenant));
            return ps.executeUpdate();
        });
    }

    public boolean supprimer(long utilisateurId, Cible cible) {
        return jdbc.prepareStatement("DELETE FROM abonnement WHERE utilisateur_id = ? AND cible_type = ? AND cible = ?", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setString(2, cible.type().code());
            ps.setString(3, cible.valeur());
            return ps.executeUpdate() > 0;
        });
    }

    /** Every subscription to one of these targets (an event's space, category, topic and tags). */
    public List<Correspondance> aCibles(Set<Cible> cibles) {
        if (cibles.isEmpty()) {
            return List.of();
        }
        List<String> cles = cibles.stream().map(Cible::toString).toList();
        return jdbc.prepareStatement("""
                SELECT utilisateur_id, cible_type, cible, niveau FROM abonnement
                 WHERE (cible_type, cible) IN
                       (SELECT split_part(c, ':', 1), substr(c, strpos(c, ':') + 1) FROM unnest(?::text[]) c)""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", cles.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                List<Correspondance> liste = new ArrayList<>();
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Niveau niveau = Niveau.valueOf(rs.getString(4));
                    Cible.lire(rs.getString(2) + ":" + rs.getString(3)).ifPresent(c -> liste.add(new Correspondance(id, c, niveau)));
                }
                return liste;
            }
        });
    }

    public PreferencesCourriel preferences(long utilisateurId) {
        return jdbc.prepareStatement("SELECT frequence, courriels FROM preference_courriel WHERE utilisateur_id = ?", ps -> {
            ps.setLong(1, utilisateurId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new PreferencesCourriel(PreferencesCourriel.Frequence.valueOf(rs.getString(1)), rs.getBoolean(2))
                        : PreferencesCourriel.DEFAUT;
            }
        });
    }

    public void enregistrer(long utilisateurId, PreferencesCourriel preferences, Instant maintenant) {
        jdbc.prepareStatement("""
                INSERT INTO preference_courriel (utilisateur_id, frequence, courriels, modifie_le) VALUES (?, ?, ?, ?)
                ON CONFLICT (utilisateur_id) DO UPDATE
                   SET frequence = EXCLUDED.frequence, courriels = EXCLUDED.courriels, modifie_le = EXCLUDED.modifie_le""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setString(2, preferences.frequence().name());
            ps.setBoolean(3, preferences.courriels());
            ps.setTimestamp(4, Timestamp.from(maintenant));
            return ps.executeUpdate();
        });
    }

    private static Optional<Abonnement> abonnement(ResultSet rs) throws SQLException {
        Optional<Cible> cible = Cible.lire(rs.getString("cible_type") + ":" + rs.getString("cible"));
        return cible.map(c -> {
            try {
                return new Abonnement(rs.getLong("utilisateur_id"), c, Niveau.valueOf(rs.getString("niveau")), rs.getBoolean("choisi"),
                        rs.getString("libelle"), rs.getString("url"), rs.getTimestamp("modifie_le").toInstant());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
