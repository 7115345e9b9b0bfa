package fr.sne.core.saisie;

import fr.sne.core.demande.DemandeJson;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Drafts of one desk; always inside a territory-scoped transaction (RLS). */
@Singleton
class BrouillonRepository {

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    BrouillonRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long inserer(String territoire, String guichet, String auteur, DemandeJson.Contenu contenu, Onglet onglet) {
        return jdbc.prepareStatement("""
                INSERT INTO brouillon (territoire, guichet, auteur, document, onglet) VALUES (?, ?, ?, ?::jsonb, ?) RETURNING id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, guichet);
            ps.setString(3, auteur);
            ps.setString(4, ecrire(contenu));
            ps.setString(5, onglet.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    boolean mettreAJour(String territoire, String guichet, long id, DemandeJson.Contenu contenu, Onglet onglet) {
        return jdbc.prepareStatement("""
                UPDATE brouillon SET document = ?::jsonb, onglet = ?, modifie_le = now()
                 WHERE territoire = ? AND guichet = ? AND id = ?""", ps -> {
            ps.setString(1, ecrire(contenu));
            ps.setString(2, onglet.name());
            ps.setString(3, territoire);
            ps.setString(4, guichet);
            ps.setLong(5, id);
            return ps.executeUpdate() == 1;
        });
    }

    Optional<Brouillon> trouver(String territoire, String guichet, long id) {
        List<Brouillon> l = lister("WHERE territoire = ? AND guichet = ? AND id = ?", territoire, guichet, id);
        return l.stream().findFirst();
    }

    List<Brouillon> duGuichet(String territoire, String guichet) {
        return lister("WHERE territoire = ? AND guichet = ? ORDER BY modifie_le DESC LIMIT 200", territoire, guichet, null);
    }

    void supprimer(String territoire, String guichet, long id) {
        jdbc.prepareStatement("DELETE FROM brouillon WHERE territoire = ? AND guichet = ? AND id = ?", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, guichet);
            ps.setLong(3, id);
            return ps.executeUpdate();
        });
    }

    private List<Brouillon> lister(String where, String territoire, String guichet, Long id) {
        return jdbc.prepareStatement("SELECT id, guichet, auteur, document::text, onglet, modifie_le FROM brouillon " + where, ps -> {
            ps.setString(1, territoire);
            ps.setString(2, guichet);
            if (id != null) {
                ps.setLong(3, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Brouillon> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(brouillon(rs));
                }
                return list;
            }
        });
    }

    private Brouillon brouillon(ResultSet rs) throws SQLException {
        try {
            return new Brouillon(rs.getLong(1), rs.getString(2), rs.getString(3),
                    json.readValue(rs.getString(4), Argument.of(DemandeJson.Contenu.class)), Onglet.valueOf(rs.getString(5)),
                    rs.getTimestamp(6).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String ecrire(DemandeJson.Contenu contenu) {
        try {
            return json.writeValueAsString(contenu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
