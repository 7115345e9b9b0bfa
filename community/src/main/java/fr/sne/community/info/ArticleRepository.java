package fr.sne.community.info;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The articles and their attachments in PostgreSQL; always called inside a scoped transaction
 * (row-level security keeps other territories' pages out of reach, see V25). Whether a reader may
 * open what the scope shows is the {@link #visibilite} clause.
 */
@Singleton
class ArticleRepository {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final String COLONNES = """
            a.id, a.territoire, a.slug, a.type, a.titre, a.resume, a.corps_html, a.themes, a.audience, a.statut,
            a.publication_le, a.important, a.version_document, a.date_document, a.code_texte, a.section, a.source,
            a.auteur, a.cree_le, a.modifie_le, a.version""";
    private static final String PIECE = "p.id, p.article_id, p.territoire, p.nom, p.type_mime, p.taille, p.cle_objet, p.cree_le";

    private final JdbcOperations jdbc;

    ArticleRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    // Reading ---------------------------------------------------------------------------------------

    /** An article by its URL name, whatever its state (the caller decides who may see it). */
    Optional<Article> parSlug(String slug) {
        return un("SELECT " + COLONNES + ", a.corps_markdown FROM article a WHERE a.slug = ?", List.of(slug));
    }

    Optional<Article> parId(long id) {
        return un("SELECT " + COLONNES + ", a.corps_markdown FROM article a WHERE a.id = ?", List.of(id));
    }

    /** A reader's list: what they may read, published at {@code maintenant}, filtered. */
    Resultats<Article> lister(Lecteur lecteur, CriteresLecture c, Instant maintenant) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE a.type = ANY(?)");
        params.add(c.types().stream().map(TypeContenu::name).toArray(String[]::new));
        where.append(" AND ").append(visibilite(lecteur, lecteur.territoiresDesListes(), maintenant, params));
        if (c.theme() != null) {
            where.append(" AND ? = ANY(a.themes)");
            params.add(c.theme().name());
        }
        if (c.du() != null) {
            where.append(" AND a.publication_le >= ?");
            params.add(Timestamp.from(c.du().atStartOfDay(PARIS).toInstant()));
        }
        if (c.au() != null) {
            where.append(" AND a.publication_le < ?");
            params.add(Timestamp.from(c.au().plusDays(1).atStartOfDay(PARIS).toInstant()));
        }
        if (c.audience() != null) {
            where.append(" AND a.audience = ?");
            params.add(c.audience().name());
        }
        if (c.codeTexte() != null) {
            where.append(" AND a.code_texte = ?");
            params.add(c.codeTexte());
        }
        long total = compter("SELECT count(*) FROM article a" + where, params);
        String ordre = c.ordre() == CriteresLecture.Ordre.CORPUS ? " ORDER BY a.code_texte, a.cle_tri, a.id" : " ORDER BY a.publication_le DESC, a.id DESC";
        List<Object> page = new ArrayList<>(params);
        page.add(c.taille());
        page.add((long) (c.page() - 1) * c.taille());
        List<Article> articles = plusieurs("SELECT " + COLONNES + ", '' AS corps_markdown FROM article a" + where + ordre
                + " LIMIT ? OFFSET ?", page);
        return new Resultats<>(articles, total, c.page(), c.taille());
    }

    /** The important articles a reader may read, published since {@code depuis}, newest first. */
    List<Article> importants(Lecteur lecteur, Instant depuis, Instant maintenant, int max) {
        List<Object> params = new ArrayList<>();
        String visible = visibilite(lecteur, lecteur.territoiresDesListes(), maintenant, params);
        params.add(Timestamp.from(depuis));
        params.add(max);
        return plusieurs("SELECT " + COLONNES + ", '' AS corps_markdown FROM article a WHERE a.important AND " + visible
                + " AND a.publication_le >= ? ORDER BY a.publication_le DESC, a.id DESC LIMIT ?", params);
    }

    /**
     * Readers see an article once published (or scheduled and due), of an audience they hold: the
     * public's, professionals' when they are one, and the local pages of {@code territoires}.
     */
    static String visibilite(Lecteur lecteur, Set<String> territoires, Instant maintenant, List<Object> params) {
        params.add(Timestamp.from(maintenant));
        StringBuilder sql = new StringBuilder("(a.statut = 'PUBLIE' OR (a.statut = 'PROGRAMME' AND a.publication_le <= ?))"
                + " AND (a.audience = 'PUBLIC'");
        if (lecteur.professionnel()) {
            sql.append(" OR a.audience = 'PROFESSIONNELS'");
        }
        if (!territoires.isEmpty()) {
            sql.append(" OR (a.audience = 'TERRITOIRE' AND a.territoire = ANY(?))");
            params.add(territoires.toArray(String[]::new));
        }
        return sql.append(")").toString();
    }

    /** The authors' list: the scope's articles, reference texts only when asked for. */
    Resultats<Article> listerRedaction(CriteresRedaction c) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ");
        if (c.territoire() != null && c.nationaux()) {
            where.append("(a.territoire IS NULL OR a.territoire = ?)");
            params.add(c.territoire());
        } else if (c.territoire() != null) {
            where.append("a.territoire = ?");
            params.add(c.territoire());
        } else {
            where.append("true");
        }
        if (c.type() != null) {
            where.append(" AND a.type = ?");
            params.add(c.type().name());
        } else {
            where.append(" AND a.type <> 'TEXTE_REFERENCE'");
        }
        if (c.statut() != null) {
            where.append(" AND a.statut = ?");
            params.add(c.statut().name());
        }
        long total = compter("SELECT count(*) FROM article a" + where, params);
        List<Object> page = new ArrayList<>(params);
        page.add(c.taille());
        page.add((long) (Math.max(1, c.page()) - 1) * c.taille());
        List<Article> articles = plusieurs("SELECT " + COLONNES + ", '' AS corps_markdown FROM article a" + where
                + " ORDER BY a.modifie_le DESC, a.id DESC LIMIT ? OFFSET ?", page);
        return new Resultats<>(articles, total, Math.max(1, c.page()), c.taille());
    }

    /**
     * Every article published at {@code maintenant} that the scope shows, with the names and text of
     * its attachments, streamed (a full rebuild of the search index).
     */
    void parcourirPublies(Instant maintenant, Consumer<ArticleAIndexer> sink) {
        jdbc.prepareStatement("SELECT " + COLONNES + """
                , a.corps_markdown,
                  (SELECT string_agg(p.nom || E'\\n' || coalesce(p.texte, ''), E'\\n' ORDER BY p.id)
                     FROM article_piece p WHERE p.article_id = a.id) AS texte_pieces
                  FROM article a
                 WHERE a.statut = 'PUBLIE' OR (a.statut = 'PROGRAMME' AND a.publication_le <= ?)
                 ORDER BY a.id""", ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new ArticleAIndexer(article(rs), rs.getString("texte_pieces")));
                }
            }
            return null;
        });
    }

    /** The names and extracted text of an article's attachments, for the index. */
    String textePieces(long articleId) {
        return jdbc.prepareStatement("""
                SELECT string_agg(p.nom || E'\\n' || coalesce(p.texte, ''), E'\\n' ORDER BY p.id)
                  FROM article_piece p WHERE p.article_id = ?""", ps -> {
            ps.setLong(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /** The territories (null: national) holding scheduled articles due at {@code maintenant}. */
    List<String> territoiresProgrammesEchus(Instant maintenant) {
        return jdbc.prepareStatement("SELECT DISTINCT territoire FROM article WHERE statut = 'PROGRAMME' AND publication_le <= ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            try (ResultSet rs = ps.executeQuery()) {
                List<String> territoires = new ArrayList<>();
                while (rs.next()) {
                    territoires.add(rs.getString(1));
                }
                return territoires;
            }
        });
    }

    /** Marks the scope's due scheduled articles of this territory (null: national) published. */
    List<Long> publierProgrammesEchus(String territoire, Instant maintenant) {
        String sql = "UPDATE article SET statut = 'PUBLIE', version = version + 1 WHERE statut = 'PROGRAMME' AND publication_le <= ? AND "
                + (territoire == null ? "territoire IS NULL" : "territoire = ?") + " RETURNING id";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            if (territoire != null) {
                ps.setString(2, territoire);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        });
    }

    // Writing ---------------------------------------------------------------------------------------

    /** Inserts under the first free slug among {@code slug}, {@code slug-2}...; returns the id. */
    long inserer(String slug, Contenu c, Statut statut, Instant publicationLe, Long auteurId, String auteur, Instant maintenant) {
        for (int n = 1; n <= 1000; n++) {
            String essai = n == 1 ? slug : slug + "-" + n;
            Optional<Long> id = jdbc.prepareStatement("""
                    INSERT INTO article (territoire, slug, type, titre, resume, corps_markdown, corps_html, themes, audience, statut,
                                         publication_le, important, version_document, date_document, auteur_id, auteur, cree_le, modifie_le)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (slug) DO NOTHING RETURNING id""", ps -> {
                lier(ps, Arrays.asList(c.territoire(), essai, c.type().name(), c.titre(), c.resume(), c.corpsMarkdown(), c.corpsHtml(),
                        c.themes().stream().map(Theme::name).toArray(String[]::new), c.audience().name(), statut.name(),
                        horodatage(publicationLe), c.important(), c.versionDocument(), c.dateDocument(), auteurId, auteur,
                        Timestamp.from(maintenant), Timestamp.from(maintenant)));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            });
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new IllegalStateException("Aucune adresse libre pour " + slug);
    }

    /** Saves the content and state if nobody changed the article since {@code version}; false otherwise. */
    boolean modifier(long id, int version, Contenu c, Statut statut, Instant publicationLe, Instant maintenant) {
        return jdbc.prepareStatement("""
                UPDATE article SET type = ?, titre = ?, resume = ?, corps_markdown = ?, corps_html = ?, themes = ?, audience = ?,
                                   important = ?, version_document = ?, date_document = ?, statut = ?, publication_le = ?,
                                   modifie_le = ?, version = version + 1
                 WHERE id = ? AND version = ?""", ps -> {
            lier(ps, Arrays.asList(c.type().name(), c.titre(), c.resume(), c.corpsMarkdown(), c.corpsHtml(),
                    c.themes().stream().map(Theme::name).toArray(String[]::new), c.audience().name(), c.important(),
                    c.versionDocument(), c.dateDocument(), statut.name(), horodatage(publicationLe), Timestamp.from(maintenant),
                    id, version));
            return ps.executeUpdate() == 1;
        });
    }

    /** Changes the state only (unpublishing), under the same optimistic check. */
    boolean changerStatut(long id, int version, Statut statut, Instant publicationLe, Instant maintenant) {
        return jdbc.prepareStatement("""
                UPDATE article SET statut = ?, publication_le = ?, modifie_le = ?, version = version + 1
                 WHERE id = ? AND version = ?""", ps -> {
            lier(ps, Arrays.asList(statut.name(), horodatage(publicationLe), Timestamp.from(maintenant), id, version));
            return ps.executeUpdate() == 1;
        });
    }

    /** A change to an attachment changes its article: readers' caches and editors' forms see a new version. */
    void toucher(long id, Instant maintenant) {
        jdbc.prepareStatement("UPDATE article SET modifie_le = ?, version = version + 1 WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    boolean supprimer(long id) {
        return jdbc.prepareStatement("DELETE FROM article WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    /**
     * Inserts reference texts in one statement; those already there (same reference or slug) are
     * left as they are. Returns what was inserted.
     */
    List<Insere> insererTextes(List<TexteReference> textes, Instant maintenant) {
        return jdbc.prepareStatement("""
                INSERT INTO article (slug, type, titre, corps_markdown, corps_html, themes, audience, statut, publication_le,
                                     reference, code_texte, section, source, cle_tri, auteur, cree_le, modifie_le)
                SELECT u.slug, 'TEXTE_REFERENCE', u.titre, u.corps, u.html, ARRAY['REGLEMENTATION'], 'PUBLIC', 'PUBLIE', ?,
                       u.reference, u.code, u.section, u.source, u.cle_tri, 'Corpus des textes de référence', ?, ?
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       AS u (slug, titre, corps, html, reference, code, section, source, cle_tri)
                ON CONFLICT DO NOTHING RETURNING id, slug""", ps -> {
            Timestamp t = Timestamp.from(maintenant);
            ps.setTimestamp(1, t);
            ps.setTimestamp(2, t);
            ps.setTimestamp(3, t);
            Connection cx = ps.getConnection();
            ps.setArray(4, cx.createArrayOf("text", textes.stream().map(TexteReference::slug).toArray()));
            ps.setArray(5, cx.createArrayOf("text", textes.stream().map(TexteReference::titre).toArray()));
            ps.setArray(6, cx.createArrayOf("text", textes.stream().map(TexteReference::corps).toArray()));
            ps.setArray(7, cx.createArrayOf("text", textes.stream().map(TexteReference::html).toArray()));
            ps.setArray(8, cx.createArrayOf("text", textes.stream().map(TexteReference::reference).toArray()));
            ps.setArray(9, cx.createArrayOf("text", textes.stream().map(TexteReference::code).toArray()));
            ps.setArray(10, cx.createArrayOf("text", textes.stream().map(TexteReference::section).toArray()));
            ps.setArray(11, cx.createArrayOf("text", textes.stream().map(TexteReference::source).toArray()));
            ps.setArray(12, cx.createArrayOf("text", textes.stream().map(TexteReference::cleTri).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                List<Insere> inseres = new ArrayList<>();
                while (rs.next()) {
                    inseres.add(new Insere(rs.getLong(1), rs.getString(2)));
                }
                return inseres;
            }
        });
    }

    long compterTextes() {
        return compter("SELECT count(*) FROM article a WHERE a.type = 'TEXTE_REFERENCE'", List.of());
    }

    /** The reference texts' codes present, in order. */
    List<String> codesTextes() {
        return jdbc.prepareStatement("SELECT DISTINCT code_texte FROM article WHERE type = 'TEXTE_REFERENCE' AND code_texte IS NOT NULL ORDER BY 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<String> codes = new ArrayList<>();
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
                return codes;
            }
        });
    }

    /** Which of these slugs exist (the demo loader's idempotence). */
    boolean slugExiste(String slug) {
        return jdbc.prepareStatement("SELECT 1 FROM article WHERE slug = ?", ps -> {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    // Attachments -----------------------------------------------------------------------------------

    List<PieceJointe> pieces(long articleId) {
        return pieces(List.of(articleId)).getOrDefault(articleId, List.of());
    }

    Map<Long, List<PieceJointe>> pieces(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT " + PIECE + " FROM article_piece p WHERE p.article_id = ANY(?) ORDER BY p.article_id, p.id", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", articleIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                Map<Long, List<PieceJointe>> parArticle = new LinkedHashMap<>();
                while (rs.next()) {
                    PieceJointe p = piece(rs);
                    parArticle.computeIfAbsent(p.articleId(), k -> new ArrayList<>()).add(p);
                }
                return parArticle;
            }
        });
    }

    Optional<PieceJointe> piece(long id) {
        return jdbc.prepareStatement("SELECT " + PIECE + " FROM article_piece p WHERE p.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(piece(rs)) : Optional.<PieceJointe>empty();
            }
        });
    }

    PieceJointe ajouterPiece(long articleId, String nom, String typeMime, long taille, String cle, String texte, Instant maintenant) {
        return jdbc.prepareStatement("""
                INSERT INTO article_piece (article_id, nom, type_mime, taille, cle_objet, texte, cree_le)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id, article_id, territoire, nom, type_mime, taille, cle_objet, cree_le""", ps -> {
            lier(ps, Arrays.asList(articleId, nom, typeMime, taille, cle, texte, Timestamp.from(maintenant)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return piece(rs);
            }
        });
    }

    boolean supprimerPiece(long id) {
        return jdbc.prepareStatement("DELETE FROM article_piece WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    // Mapping ---------------------------------------------------------------------------------------

    private Optional<Article> un(String sql, List<Object> params) {
        List<Article> articles = plusieurs(sql, params);
        return articles.isEmpty() ? Optional.empty() : Optional.of(articles.getFirst());
    }

    private List<Article> plusieurs(String sql, List<Object> params) {
        return jdbc.prepareStatement(sql, ps -> {
            lier(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Article> articles = new ArrayList<>();
                while (rs.next()) {
                    articles.add(article(rs));
                }
                return articles;
            }
        });
    }

    private long compter(String sql, List<Object> params) {
        return jdbc.prepareStatement(sql, ps -> {
            lier(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Timestamp horodatage(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static void lier(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int n = i + 1;
            switch (p) {
                case null -> ps.setNull(n, Types.NULL);
                case String s -> ps.setString(n, s);
                case Integer v -> ps.setInt(n, v);
                case Long v -> ps.setLong(n, v);
                case Boolean b -> ps.setBoolean(n, b);
                case Timestamp t -> ps.setTimestamp(n, t);
                case LocalDate d -> ps.setDate(n, Date.valueOf(d));
                case String[] a -> ps.setArray(n, ps.getConnection().createArrayOf("text", a));
                default -> throw new IllegalArgumentException("Type de paramètre inattendu : " + p.getClass());
            }
        }
    }

    private static Article article(ResultSet rs) throws SQLException {
        Array themes = rs.getArray("themes");
        List<Theme> liste = Arrays.stream((String[]) themes.getArray()).map(Theme::parCode).filter(t -> t != null).toList();
        Timestamp publication = rs.getTimestamp("publication_le");
        Date date = rs.getDate("date_document");
        return new Article(rs.getLong("id"), rs.getString("territoire"), rs.getString("slug"),
                TypeContenu.valueOf(rs.getString("type")), rs.getString("titre"), rs.getString("resume"),
                rs.getString("corps_markdown"), rs.getString("corps_html"), liste, Audience.valueOf(rs.getString("audience")),
                Statut.valueOf(rs.getString("statut")), publication == null ? null : publication.toInstant(),
                rs.getBoolean("important"), rs.getString("version_document"), date == null ? null : date.toLocalDate(),
                rs.getString("code_texte"), rs.getString("section"), rs.getString("source"), rs.getString("auteur"),
                rs.getTimestamp("cree_le").toInstant(), rs.getTimestamp("modifie_le").toInstant(), rs.getInt("version"));
    }

    private static PieceJointe piece(ResultSet rs) throws SQLException {
        return new PieceJointe(rs.getLong("id"), rs.getLong("article_id"), rs.getString("territoire"), rs.getString("nom"),
                rs.getString("type_mime"), rs.getLong("taille"), rs.getString("cle_objet"), rs.getTimestamp("cree_le").toInstant());
    }

    /** An article and its attachments' text, for the search index. */
    record ArticleAIndexer(Article article, String textePieces) {
    }

    /** A row inserted. */
    record Insere(long id, String slug) {
    }

    /** One reference text of the legal corpus, ready to insert. */
    record TexteReference(String slug, String titre, String corps, String html, String reference, String code,
                          String section, String source, String cleTri) {
    }
}
