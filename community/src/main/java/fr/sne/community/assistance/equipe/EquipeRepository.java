package fr.sne.community.assistance.equipe;

import fr.sne.community.espace.Sql;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/** Teams, their members and users' default team; inside a scoped transaction. */
@Singleton
public class EquipeRepository {

    private static final String EQUIPE = """
            SELECT e.id, e.nom, e.description, (SELECT count(*) FROM equipe_assistance_membre m WHERE m.equipe_id = e.id) AS membres
            FROM equipe_assistance e""";

    private final Sql sql;

    EquipeRepository(Sql sql) {
        this.sql = sql;
    }

    public List<Equipe> toutes() {
        return sql.liste(EQUIPE + " ORDER BY lower(e.nom)", EquipeRepository::equipe);
    }

    public Optional<Equipe> parId(long id) {
        return sql.un(EQUIPE + " WHERE e.id = ?", EquipeRepository::equipe, id);
    }

    /** The teams a user belongs to. */
    public List<Equipe> de(long utilisateurId) {
        return sql.liste(EQUIPE + " WHERE e.id IN (SELECT equipe_id FROM equipe_assistance_membre WHERE utilisateur_id = ?) ORDER BY lower(e.nom)",
                EquipeRepository::equipe, utilisateurId);
    }

    public Set<Long> idsDe(long utilisateurId) {
        return new HashSet<>(sql.liste("SELECT equipe_id FROM equipe_assistance_membre WHERE utilisateur_id = ?",
                rs -> rs.getLong(1), utilisateurId));
    }

    public List<Membre> membres(long equipeId) {
        return sql.liste("""
                SELECT u.id, trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')) AS nom, u.email
                FROM equipe_assistance_membre m JOIN utilisateur u ON u.id = m.utilisateur_id
                WHERE m.equipe_id = ? ORDER BY u.nom, u.prenom""",
                rs -> new Membre(rs.getLong(1), rs.getString(2), rs.getString(3)), equipeId);
    }

    public boolean nomPris(String nom) {
        return sql.un("SELECT 1 FROM equipe_assistance WHERE lower(nom) = lower(?)", rs -> true, nom).isPresent();
    }

    public long creer(String nom, String description, long auteurId) {
        return sql.un("INSERT INTO equipe_assistance (nom, description, cree_par) VALUES (?, ?, ?) RETURNING id",
                rs -> rs.getLong(1), nom, description, auteurId).orElseThrow();
    }

    public boolean ajouterMembre(long equipeId, long utilisateurId) {
        return sql.maj("INSERT INTO equipe_assistance_membre (equipe_id, utilisateur_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                equipeId, utilisateurId) == 1;
    }

    public boolean retirerMembre(long equipeId, long utilisateurId) {
        return sql.maj("DELETE FROM equipe_assistance_membre WHERE equipe_id = ? AND utilisateur_id = ?", equipeId, utilisateurId) == 1;
    }

    /** The user's default team, if they still belong to it. */
    public Optional<Long> equipeParDefaut(long utilisateurId) {
        return sql.un("""
                SELECT p.equipe_defaut_id FROM preference_assistance p
                JOIN equipe_assistance_membre m ON m.equipe_id = p.equipe_defaut_id AND m.utilisateur_id = p.utilisateur_id
                WHERE p.utilisateur_id = ?""", rs -> rs.getLong(1), utilisateurId);
    }

    public void choisirEquipeParDefaut(long utilisateurId, Long equipeId) {
        sql.maj("""
                INSERT INTO preference_assistance (utilisateur_id, equipe_defaut_id) VALUES (?, ?)
                ON CONFLICT (utilisateur_id) DO UPDATE SET equipe_defaut_id = excluded.equipe_defaut_id""",
                utilisateurId, equipeId);
    }

    /** A professional's id by e-mail (to add members and participants). */
    public Optional<Long> utilisateurParCourriel(String courriel) {
        return sql.un("SELECT id FROM utilisateur WHERE lower(email) = lower(?)", rs -> rs.getLong(1), courriel);
    }

    private static Equipe equipe(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Equipe(rs.getLong("id"), rs.getString("nom"), rs.getString("description"), rs.getInt("membres"));
    }
}
