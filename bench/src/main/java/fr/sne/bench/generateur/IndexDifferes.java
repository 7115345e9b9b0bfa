package fr.sne.bench.generateur;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For a load of millions: the secondary indexes of the tables the generator fills are dropped
 * before and built again after (one sort per index instead of millions of insertions into
 * growing b-trees). Primary keys, unique indexes and indexes behind constraints stay: they keep
 * the data right. Owner role (it owns the tables); nothing else may use the database meanwhile.
 */
public final class IndexDifferes {

    private static final List<String> TABLES = List.of("demande", "demande_version", "demande_commune", "mouvement", "evenement",
            "radiation", "radiation_statistique");

    /** index name → its definition, as pg_get_indexdef gives it. */
    private final Map<String, String> definitions;

    private IndexDifferes(Map<String, String> definitions) {
        this.definitions = definitions;
    }

    /** Drops the secondary indexes (remembering their definitions). */
    public static IndexDifferes suspendre(Connection c) throws SQLException {
        Map<String, String> definitions = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                  FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                 WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY (?)
                   AND NOT i.indisprimary AND NOT i.indisunique
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                 ORDER BY t.relname, 1""")) {
            ps.setArray(1, c.createArrayOf("text", TABLES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String index : definitions.keySet()) {
                s.execute("DROP INDEX " + index);
            }
        }
        return new IndexDifferes(definitions);
    }

    public int nombre() {
        return definitions.size();
    }

    /** Builds every dropped index again (with room to sort in memory), then refreshes the statistics. */
    public void retablir(Connection c, PrintStream progres) throws SQLException {
        List<String> faits = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '256MB'");
            for (Map.Entry<String, String> e : definitions.entrySet()) {
                long debut = System.nanoTime();
                s.execute(e.getValue());
                faits.add(e.getKey());
                progres.printf("Générateur : index %s reconstruit en %.1f s%n", e.getKey(), (System.nanoTime() - debut) / 1e9);
            }
            s.execute("ANALYZE " + String.join(", ", TABLES));
        }
    }
}
