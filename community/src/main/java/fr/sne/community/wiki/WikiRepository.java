package fr.sne.community.wiki;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The wiki's tables; every call runs inside the space's scoped transaction. */
@Singleton
class WikiRepository {

    private static final String PAGE = """
            SELECT p.id, p.espace_id, p.parent_id, p.slug, p.titre, p.ordre, p.contenu, p.version, p.cree_le, p.modifie_le,
                   coalesce(nullif(trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')), ''), u.email) AS auteur
              FROM page_wiki p LEFT JOIN utilisateur u ON u.id = p.modifie_par""";

    /** A page with its space, for the full rebuild of the index and the home's news. */
    record PageDeEspace(PageWiki page, long espaceId) {
    }

    private final JdbcOperations jdbc;

    WikiRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<PageWiki> pages(long espaceId) {
        return liste(PAGE + " WHERE p.espace_id = ? ORDER BY p.ordre, p.titre", espaceId);
    }

    Optional<PageWiki> parSlug(long espaceId, String slug) {
        return liste(PAGE + " WHERE p.espace_id = ? AND p.slug = ?", espaceId, slug).stream().findFirst();
    }

    Optional<PageWiki> parId(long id) {
        return liste(PAGE + " WHERE p.id = ?", id).stream().findFirst();
    }

    List<PageWiki> recentes(Collection<Long> espaces, int limite) {
        if (espaces.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(PAGE + " WHERE p.espace_id = ANY (?) ORDER BY p.modifie_le DESC LIMIT ?", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", espaces.toArray()));
            ps.setInt(2, limite);
            return lire(ps.executeQuery());
        });
    }

    void parcourir(Consumer<PageWiki> sink) {
        jdbc.prepareStatement(PAGE + " ORDER BY p.id", ps -> {
            ps.setFetchSize(200);
            lire(ps.executeQuery()).forEach(sink);
            return null;
        });
    }

    long creer(long espaceId, Long parentId, String slug, String titre, int ordre, String contenu, long auteurId, Instant le) {
        return jdbc.prepareStatement("""
                INSERT INTO page_wiki (espace_id, parent_id, slug, titre, ordre, contenu, cree_le, cree_par, modifie_le, modifie_par)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setLong(1, espaceId);
            ps.setObject(2, parentId);
            ps.setString(3, slug);
            ps.setString(4, titre);
            ps.setInt(5, ordre);
            ps.setString(6, contenu);
            ps.setTimestamp(7, Timestamp.from(le));
            ps.setLong(8, auteurId);
            ps.setTimestamp(9, Timestamp.from(le));
            ps.setLong(10, auteurId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The new version's number, or empty when someone saved since {@code versionLue} (optimistic lock). */
    Optional<Integer> modifier(long id, int versionLue, Long parentId, String slug, String titre, int ordre, String contenu,
                               long auteurId, Instant le) {
        return jdbc.prepareStatement("""
                UPDATE page_wiki SET parent_id = ?, slug = ?, titre = ?, ordre = ?, contenu = ?, modifie_le = ?, modifie_par = ?,
                       version = version + 1
                 WHERE id = ? AND version = ? RETURNING version""", ps -> {
            ps.setObject(1, parentId);
            ps.setString(2, slug);
            ps.setString(3, titre);
            ps.setInt(4, ordre);
            ps.setString(5, contenu);
            ps.setTimestamp(6, Timestamp.from(le));
            ps.setLong(7, auteurId);
            ps.setLong(8, id);
            ps.setInt(9, versionLue);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.<Integer>empty();
            }
        });
    }

    void ajouterVersion(long pageId, int numero, long espaceId, String titre, String contenu, String commentaire, long auteurId, Instant le) {
        jdbc.prepareStatement("""
                INSERT INTO page_wiki_version (page_id, numero, espace_id, titre, contenu, commentaire, auteur_id, cree_le)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setLong(1, pageId);
            ps.setInt(2, numero);
            ps.setLong(3, espaceId);
            ps.setString(4, titre);
            ps.setString(5, contenu);
            ps.setString(6, commentaire);
            ps.setLong(7, auteurId);
            ps.setTimestamp(8, Timestamp.from(le));
            return ps.executeUpdate();
        });
    }

    List<VersionPage> versions(long pageId) {
        return versionsOu(" WHERE v.page_id = ? ORDER BY v.numero DESC", pageId);
    }

    Optional<VersionPage> version(long pageId, int numero) {
        return versionsOu(" WHERE v.page_id = ? AND v.numero = ?", pageId, numero).stream().findFirst();
    }

    private List<VersionPage> versionsOu(String ou, Object... params) {
        return jdbc.prepareStatement("""
                SELECT v.page_id, v.numero, v.titre, v.contenu, v.commentaire, v.cree_le,
                       coalesce(nullif(trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')), ''), u.email) AS auteur
                  FROM page_wiki_version v LEFT JOIN utilisateur u ON u.id = v.auteur_id""" + ou, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<VersionPage> versions = new ArrayList<>();
                while (rs.next()) {
                    versions.add(new VersionPage(rs.getLong("page_id"), rs.getInt("numero"), rs.getString("titre"), rs.getString("contenu"),
                            rs.getString("commentaire"), rs.getString("auteur"), rs.getTimestamp("cree_le").toInstant()));
                }
                return versions;
            }
        });
    }

    void commenter(long pageId, long espaceId, long auteurId, String texte, Instant le) {
        jdbc.prepareStatement("INSERT INTO page_wiki_commentaire (page_id, espace_id, auteur_id, texte, cree_le) VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, pageId);
            ps.setLong(2, espaceId);
            ps.setLong(3, auteurId);
            ps.setString(4, texte);
            ps.setTimestamp(5, Timestamp.from(le));
            return ps.executeUpdate();
        });
    }

    List<CommentairePage> commentaires(long pageId) {
        return jdbc.prepareStatement("""
                SELECT c.id, c.page_id, c.texte, c.cree_le,
                       coalesce(nullif(trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')), ''), u.email) AS auteur
                  FROM page_wiki_commentaire c JOIN utilisateur u ON u.id = c.auteur_id
                 WHERE c.page_id = ? ORDER BY c.cree_le, c.id""", ps -> {
            ps.setLong(1, pageId);
            try (ResultSet rs = ps.executeQuery()) {
                List<CommentairePage> liste = new ArrayList<>();
                while (rs.next()) {
                    liste.add(new CommentairePage(rs.getLong("id"), rs.getLong("page_id"), rs.getString("auteur"), rs.getString("texte"),
                            rs.getTimestamp("cree_le").toInstant()));
                }
                return liste;
            }
        });
    }

    long ajouterPiece(long pageId, long espaceId, String nom, String typeMime, long taille, String cle, String texte, long auteurId, Instant le) {
        return jdbc.prepareStatement("""
                INSERT INTO page_wiki_piece (page_id, espace_id, nom, type_mime, taille, cle_objet, texte, auteur_id, cree_le)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setLong(1, pageId);
            ps.setLong(2, espaceId);
            ps.setString(3, nom);
            ps.setString(4, typeMime);
            ps.setLong(5, taille);
            ps.setString(6, cle);
            ps.setString(7, texte);
            ps.setLong(8, auteurId);
            ps.setTimestamp(9, Timestamp.from(le));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    List<PiecePage> pieces(long pageId) {
        return piecesOu("page_id = ?", pageId);
    }

    Optional<PiecePage> piece(long id) {
        return piecesOu("id = ?", id).stream().findFirst();
    }

    /** The attachments' words, for search. */
    String textePieces(long pageId) {
        return jdbc.prepareStatement("SELECT string_agg(nom || E'\\n' || coalesce(texte, ''), E'\\n' ORDER BY id) FROM page_wiki_piece WHERE page_id = ?", ps -> {
            ps.setLong(1, pageId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private List<PiecePage> piecesOu(String ou, long cle) {
        return jdbc.prepareStatement("SELECT id, page_id, espace_id, nom, type_mime, taille, cle_objet, cree_le FROM page_wiki_piece WHERE "
                + ou + " ORDER BY id", ps -> {
            ps.setLong(1, cle);
            try (ResultSet rs = ps.executeQuery()) {
                List<PiecePage> liste = new ArrayList<>();
                while (rs.next()) {
                    liste.add(new PiecePage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant()));
                }
                return liste;
            }
        });
    }

    private List<PageWiki> liste(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return lire(ps.executeQuery());
        });
    }

    private static List<PageWiki> lire(ResultSet rs) throws SQLException {
        try (rs) {
            List<PageWiki> pages = new ArrayList<>();
            while (rs.next()) {
                Long parent = rs.getObject("parent_id", Long.class);
                pages.add(new PageWiki(rs.getLong("id"), rs.getLong("espace_id"), parent, rs.getString("slug"),
                        rs.getString("titre"), rs.getInt("ordre"), rs.getString("contenu"), rs.getInt("version"),
                        rs.getTimestamp("cree_le").toInstant(), rs.getTimestamp("modifie_le").toInstant(), rs.getString("auteur")));
            }
            return pages;
        }
    }
}
