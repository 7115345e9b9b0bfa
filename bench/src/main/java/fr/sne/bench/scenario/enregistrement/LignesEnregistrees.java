package fr.sne.bench.scenario.enregistrement;

import fr.sne.bench.mesure.BaseDeDonnees;
import fr.sne.bench.mesure.Latences;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of scenario 1: the very rows the product wrote for the registered applications
 * (application, version, wanted communes, movement, event, attestation outbox, idempotency key,
 * audit), read back, then inserted by plain JDBC into empty copies of the same tables
 * ({@code CREATE TABLE … (LIKE … INCLUDING ALL)}: same columns, defaults, checks and indexes;
 * no foreign keys, triggers nor row-level security, and smaller indexes — a lower bound of what
 * the database alone costs).
 */
final class LignesEnregistrees {

    static final String SCHEMA = "banc_reference";

    /** A table the registration writes, and how to find a number's rows in it. */
    private record Table(String nom, String colonneNumero, String filtre) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("demande", "numero_unique", ""),
            new Table("demande_version", "numero_unique", ""),
            new Table("demande_commune", "numero_unique", ""),
            new Table("mouvement", "numero_unique", ""),
            new Table("evenement", "numero_unique", ""),
            new Table("envoi_attestation", "numero_unique", ""),
            new Table("idempotence", "numero_unique", ""),
            new Table("audit", "objet_id", " AND objet_type = 'DEMANDE' AND action = 'CREATION'"));

    /** An array value, kept apart from its connection. */
    private record Tableau(String type, Object[] elements) {
    }

    private final Map<String, List<String>> colonnes = new LinkedHashMap<>();
    /** table → number → rows. */
    private final Map<String, Map<String, List<Object[]>>> lignes = new LinkedHashMap<>();
    private final List<String> numeros;
    private final BaseDeDonnees bd;
    private long total;

    private LignesEnregistrees(BaseDeDonnees bd, List<String> numeros) {
        this.bd = bd;
        this.numeros = List.copyOf(numeros);
    }

    /** Reads the rows of these numbers and creates the empty copies of the tables. */
    static LignesEnregistrees lire(BaseDeDonnees bd, String territoire, List<String> numeros) throws SQLException {
        LignesEnregistrees l = new LignesEnregistrees(bd, numeros);
        try (Connection c = bd.proprietaire()) {
            for (Table t : TABLES) {
                List<String> cols = colonnes(c, t.nom());
                l.colonnes.put(t.nom(), cols);
                Map<String, List<Object[]>> parNumero = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", cols) + " FROM " + t.nom()
                        + " WHERE territoire = ? AND " + t.colonneNumero() + " = ANY (?)" + t.filtre())) {
                    ps.setString(1, territoire);
                    ps.setArray(2, c.createArrayOf("text", numeros.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        int numero = cols.indexOf(t.colonneNumero()) + 1;
                        while (rs.next()) {
                            Object[] v = new Object[cols.size()];
                            for (int i = 0; i < v.length; i++) {
                                Object o = rs.getObject(i + 1);
                                v[i] = o instanceof Array a ? new Tableau(a.getBaseTypeName(), (Object[]) a.getArray()) : o;
                            }
                            parNumero.computeIfAbsent(rs.getString(numero), k -> new ArrayList<>()).add(v);
                            l.total++;
                        }
                    }
                }
                l.lignes.put(t.nom(), parNumero);
            }
            l.recreer(c);
        }
        return l;
    }

    long lignes() {
        return total;
    }

    private static List<String> colonnes(Connection c, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        return cols;
    }

    private void recreer(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            for (Table t : TABLES) {
                s.execute("CREATE TABLE " + SCHEMA + "." + t.nom() + " (LIKE public." + t.nom() + " INCLUDING ALL)");
            }
        }
    }

    /** Empties the copies (between the two baselines). */
    void vider() throws SQLException {
        try (Connection c = bd.proprietaire(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", TABLES.stream().map(t -> SCHEMA + "." + t.nom()).toList()));
        }
    }

    void supprimer() throws SQLException {
        try (Connection c = bd.proprietaire(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** Batches of {@code parLot} applications, one transaction each; returns the seconds taken. */
    double parLots(int parLot) throws SQLException {
        long debut = System.nanoTime();
        try (Connection c = bd.proprietaire()) {
            c.setAutoCommit(false);
            Map<String, PreparedStatement> insertions = preparer(c);
            for (int i = 0; i < numeros.size(); i += parLot) {
                List<String> lot = numeros.subList(i, Math.min(numeros.size(), i + parLot));
                for (Table t : TABLES) {
                    PreparedStatement ps = insertions.get(t.nom());
                    for (String n : lot) {
                        for (Object[] ligne : lignes.get(t.nom()).getOrDefault(n, List.of())) {
                            lier(c, ps, ligne);
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            for (PreparedStatement ps : insertions.values()) {
                ps.close();
            }
        }
        return (System.nanoTime() - debut) / 1e9;
    }

    /** {@code fils} threads, one transaction per application; latencies per application; returns the seconds taken. */
    double unitaire(int fils, Latences latences) throws Exception {
        AtomicInteger suivant = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Exception> erreurs = java.util.Collections.synchronizedList(new ArrayList<>());
        long debut = System.nanoTime();
        for (int f = 0; f < fils; f++) {
            threads.add(Thread.ofPlatform().name("banc-jdbc-" + f).start(() -> {
                try (Connection c = bd.proprietaire()) {
                    c.setAutoCommit(false);
                    Map<String, PreparedStatement> insertions = preparer(c);
                    int i;
                    while ((i = suivant.getAndIncrement()) < numeros.size()) {
                        String n = numeros.get(i);
                        long t0 = System.nanoTime();
                        for (Table t : TABLES) {
                            List<Object[]> rows = lignes.get(t.nom()).getOrDefault(n, List.of());
                            if (rows.isEmpty()) {
                                continue;
                            }
                            PreparedStatement ps = insertions.get(t.nom());
                            for (Object[] ligne : rows) {
                                lier(c, ps, ligne);
                                ps.addBatch();
                            }
                            ps.executeBatch();
                        }
                        c.commit();
                        latences.ajouter(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    erreurs.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!erreurs.isEmpty()) {
            throw erreurs.getFirst();
        }
        return (System.nanoTime() - debut) / 1e9;
    }

    private Map<String, PreparedStatement> preparer(Connection c) throws SQLException {
        Map<String, PreparedStatement> m = new LinkedHashMap<>();
        for (Table t : TABLES) {
            List<String> cols = colonnes.get(t.nom());
            m.put(t.nom(), c.prepareStatement("INSERT INTO " + SCHEMA + "." + t.nom() + " (" + String.join(", ", cols)
                    + ") OVERRIDING SYSTEM VALUE VALUES (" + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")"));
        }
        return m;
    }

    private static void lier(Connection c, PreparedStatement ps, Object[] ligne) throws SQLException {
        for (int i = 0; i < ligne.length; i++) {
            Object v = ligne[i];
            if (v instanceof Tableau t) {
                ps.setArray(i + 1, c.createArrayOf(t.type(), t.elements()));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
