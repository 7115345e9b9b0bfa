package fr.sne.bench.generateur;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The geography the generator draws from: the territories of the database with their communes
 * weighted by real population (the product's own {@code commune} table, INSEE populations), and
 * the registering desks of each territory.
 */
record Referentiel(List<Territoire> territoires, long[] cumulPopulation) {

    /** A commune: INSEE code, first postal code, population. */
    record Commune(String code, String codePostal, int population) {
    }

    /** A territory, its communes (cumulative population for weighted draws) and its desks. */
    record Territoire(String code, List<Commune> communes, long[] cumul, List<String> guichets) {

        Commune commune(SplittableRandom r) {
            return communes.get(indice(cumul, r));
        }
    }

    private static final int GUICHETS_PAR_TERRITOIRE = 4;

    Territoire territoire(SplittableRandom r) {
        return territoires.get(indice(cumulPopulation, r));
    }

    /** Index drawn with probability proportional to its weight (cumulative weights given). */
    static int indice(long[] cumul, SplittableRandom r) {
        long x = r.nextLong(cumul[cumul.length - 1]);
        int lo = 0;
        int hi = cumul.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumul[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Reads the territories (only those in {@code codes}, or all when empty) as the owner role,
     * creating a few bank-style desks ({@code <dép>B01}…) in territories that have fewer than four.
     */
    static Referentiel charger(Connection c, List<String> codes) throws SQLException {
        Map<String, List<Commune>> communes = new LinkedHashMap<>();
        Map<String, String> departement = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT td.territoire, td.departement, co.code, coalesce(co.codes_postaux[1], ''), co.population
                  FROM territoire_departement td JOIN commune co ON co.departement = td.departement
                 WHERE co.population > 0 AND (cardinality(?::text[]) = 0 OR td.territoire = ANY (?::text[]))
                 ORDER BY td.territoire, co.code""")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            ps.setArray(2, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String cp = rs.getString(4);
                    communes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Commune(rs.getString(3), cp.isEmpty() ? rs.getString(3) : cp, rs.getInt(5)));
                    departement.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        }
        if (communes.isEmpty()) {
            throw new IllegalStateException("Aucun territoire avec des communes peuplées : " + codes);
        }
        List<Territoire> territoires = new ArrayList<>();
        long[] cumulTerritoires = new long[communes.size()];
        long total = 0;
        for (Map.Entry<String, List<Commune>> e : communes.entrySet()) {
            List<Commune> liste = e.getValue();
            long[] cumul = new long[liste.size()];
            long s = 0;
            for (int i = 0; i < liste.size(); i++) {
                s += liste.get(i).population();
                cumul[i] = s;
            }
            total += s;
            cumulTerritoires[territoires.size()] = total;
            territoires.add(new Territoire(e.getKey(), List.copyOf(liste), cumul,
                    guichets(c, e.getKey(), departement.get(e.getKey()))));
        }
        return new Referentiel(List.copyOf(territoires), cumulTerritoires);
    }

    private static List<String> guichets(Connection c, String territoire, String departement) throws SQLException {
        for (int n = 1; n <= GUICHETS_PAR_TERRITOIRE; n++) {
            String code = (departement + "B" + String.format("%02d", n)).substring(0, 5);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO guichet (code, territoire, nom, type) VALUES (?, ?, ?, 'BAILLEUR') ON CONFLICT (code) DO NOTHING""")) {
                ps.setString(1, code);
                ps.setString(2, territoire);
                ps.setString(3, "Bailleur généré " + code);
                ps.executeUpdate();
            }
        }
        List<String> codes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code FROM guichet WHERE territoire = ? AND actif AND type <> 'PORTAIL' ORDER BY code")) {
            ps.setString(1, territoire);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return List.copyOf(codes);
    }
}
