package fr.sne.bench.pertinence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: PostgreSQL full-text search on the same corpus, {@code french} configuration,
 * title weighted A and text B in a stored {@code tsvector} with a GIN index, ranked by
 * {@code ts_rank_cd} (or {@code ts_rank} for the OR variant); queried over JDBC like the application would.
 */
public final class PostgresFts implements Systeme {

    /** How the typed text becomes a tsquery. */
    public enum Mode {
        /** {@code websearch_to_tsquery}: every word required, "quotes" and -exclusions understood. */
        WEBSEARCH("websearch_to_tsquery('french', ?)", "ts_rank_cd(tsv, r.q)"),
        /** {@code plainto_tsquery}: every word required. */
        PLAIN("plainto_tsquery('french', ?)", "ts_rank_cd(tsv, r.q)"),
        /**
         * {@code plainto_tsquery} with its AND turned into OR: any word, the rank sorts. Ranked by {@code ts_rank}:
         * {@code ts_rank_cd} counts every single word as a cover of an OR query and puts long texts first
         * (measured MRR@10 0.02 on the same queries).
         */
        OU("replace(plainto_tsquery('french', ?)::text, ' & ', ' | ')::tsquery", "ts_rank(tsv, r.q)");

        private final String expression;
        private final String rang;

        Mode(String expression, String rang) {
            this.expression = expression;
            this.rang = rang;
        }
    }

    private static final String SCHEMA = "bench_pertinence";

    private final Connection connexion;
    private final Mode mode;

    public PostgresFts(Connection connexion, Mode mode) {
        this.connexion = connexion;
        this.mode = mode;
    }

    /** (Re)creates the table, loads the articles, builds the GIN index; returns the milliseconds it took. */
    public static long charger(Connection c, List<Article> articles) throws SQLException {
        long debut = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".article (id text PRIMARY KEY, titre text NOT NULL, corps text NOT NULL, "
                    + "tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('french', titre), 'A') "
                    + "|| setweight(to_tsvector('french', corps), 'B')) STORED)");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SCHEMA + ".article (id, titre, corps) VALUES (?, ?, ?)")) {
            int n = 0;
            for (Article a : articles) {
                ps.setString(1, a.id());
                ps.setString(2, a.titreIndexe());
                ps.setString(3, a.corps());
                ps.addBatch();
                if (++n % 1_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(auto);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX article_tsv ON " + SCHEMA + ".article USING gin (tsv)");
            s.execute("ANALYZE " + SCHEMA + ".article");
        }
        return (System.nanoTime() - debut) / 1_000_000;
    }

    @Override
    public String nom() {
        return "PostgreSQL FTS (" + mode.name().toLowerCase() + ")";
    }

    @Override
    public List<String> chercher(String requete) {
        String sql = "SELECT id FROM " + SCHEMA + ".article, (SELECT " + mode.expression + " AS q) r WHERE tsv @@ r.q "
                + "ORDER BY " + mode.rang + " DESC, id LIMIT 10";
        try (PreparedStatement ps = connexion.prepareStatement(sql)) {
            ps.setString(1, requete);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL : " + requete, e);
        }
    }
}
