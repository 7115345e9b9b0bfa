package fr.sne.tenants.geographie;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The geography as the application sees it after a normal start: Flyway found and ran the Java
 * repeatable migration, the tables hold every resource row, and the read API answers through the
 * application role with the indexes.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.oidc.issuer", value = "http://localhost/sne")
class GeographieTest implements SharedServicesTest {

    @Inject
    Geographie geographie;

    @Inject
    TenantTransactions transactions;

    @Inject
    JdbcOperations jdbc;

    @Test
    void flywayRanTheJavaMigrationWithTheResourceChecksum() throws SQLException {
        // the schema history belongs to the owner: the application role cannot even read it
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT type || ' ' || description || ' ' || checksum || ' ' || success FROM flyway_schema_history
                      WHERE script LIKE '%R__Geographie'""")) {
            List<String> applied = new ArrayList<>();
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
            assertEquals(List.of("JDBC Geographie " + new GeographieImport().checksum() + " true"), applied);
        }
    }

    @Test
    void tablesHoldEveryResourceRow() throws IOException {
        Map<String, String> tables = Map.of("region", "regions.csv.gz", "departement", "departements.csv.gz",
                "epci", "epci.csv.gz", "commune", "communes.csv.gz");
        for (var e : tables.entrySet()) {
            assertEquals(dataRows(e.getValue()), count(e.getKey()), e.getKey());
        }
        // the numbers of the data README (millésime 2026)
        assertEquals(26, count("region"));
        assertEquals(109, count("departement"));
        assertEquals(1255, count("epci"));
        assertEquals(34_969, count("commune"));
        assertEquals(98, countWhere("commune", "epci_siren IS NULL"));
        assertEquals(6, countWhere("commune", "population IS NULL"));
        assertEquals(5, countWhere("commune", "codes_postaux = '{}'"));
    }

    @Test
    void grenoble() {
        Commune grenoble = transactions.withoutScope(() -> geographie.commune("38185")).orElseThrow();
        assertEquals("Grenoble", grenoble.nom());
        assertEquals("38", grenoble.departement());
        assertEquals("200040715", grenoble.epciSiren());
        assertEquals(List.of("38000", "38100"), grenoble.codesPostaux());
        assertTrue(grenoble.population() > 150_000, grenoble.toString());
    }

    @Test
    void ajaccioAndCorsica() {
        Commune ajaccio = transactions.withoutScope(() -> geographie.commune("2A004")).orElseThrow();
        assertEquals("Ajaccio", ajaccio.nom());
        assertEquals("2A", ajaccio.departement());
        assertEquals(new Departement("2A", "Corse-du-Sud", "94"),
                transactions.withoutScope(() -> geographie.departement("2A")).orElseThrow());
        assertTrue(transactions.withoutScope(() -> geographie.departement("20")).isEmpty());
    }

    @Test
    void communeExiste() {
        assertTrue(transactions.withoutScope(() -> geographie.communeExiste("38382")));
        // a former code (Corsica before 1976) and a commune déléguée (Autrans, in Autrans-Méaudre en
        // Vercors) are not current communes
        assertFalse(transactions.withoutScope(() -> geographie.communeExiste("20004")));
        assertFalse(transactions.withoutScope(() -> geographie.communeExiste("38021")));
        // arrondissements municipaux are accepted, as addresses and vendors' files use them
        assertTrue(transactions.withoutScope(() -> geographie.communeExiste("69381")));
        Commune paris13 = transactions.withoutScope(() -> geographie.commune("75113")).orElseThrow();
        assertEquals("Paris 13e Arrondissement", paris13.nom());
        assertEquals("75", paris13.departement());
        assertEquals(List.of("75013"), paris13.codesPostaux());
        assertTrue(transactions.withoutScope(() -> geographie.commune("99999")).isEmpty());
    }

    @Test
    void communesDesDepartements() {
        List<Commune> communes = transactions.withoutScope(() -> geographie.communesDesDepartements(List.of("38", "2A")));
        assertEquals(communes.stream().map(Commune::code).sorted().toList(), communes.stream().map(Commune::code).toList());
        assertEquals(communes.size(), countWhere("commune", "departement IN ('38', '2A')"));
        assertTrue(communes.stream().allMatch(c -> c.departement().equals("38") || c.departement().equals("2A")));
        assertEquals("2A001", communes.getFirst().code());
        assertEquals(List.of(), transactions.withoutScope(() -> geographie.communesDesDepartements(List.of())));
    }

    @Test
    void searchByNameIgnoresAccentsCaseAndHyphens() {
        for (String texte : List.of("saint-egre", "Saint Égrè", "SAINT-ÉGRÈVE", "  saint'egreve ")) {
            List<Commune> found = transactions.withoutScope(() -> geographie.rechercher(texte, 10));
            assertEquals(List.of("38382"), found.stream().map(Commune::code).toList(), texte);
        }
        // exact name first, then by population
        List<Commune> grenoble = transactions.withoutScope(() -> geographie.rechercher("grenoble", 5));
        assertEquals("38185", grenoble.getFirst().code());
        List<Commune> saint = transactions.withoutScope(() -> geographie.rechercher("saint", 3));
        assertEquals(3, saint.size());
        assertTrue(saint.get(0).population() >= saint.get(1).population(), saint.toString());
        assertEquals(List.of(), transactions.withoutScope(() -> geographie.rechercher(" - ", 10)));
        assertEquals(List.of(), transactions.withoutScope(() -> geographie.rechercher("grenoble", 0)));
    }

    @Test
    void searchByPostalCode() {
        List<Commune> found = transactions.withoutScope(() -> geographie.rechercher("38100", 10));
        assertEquals(List.of("38185"), found.stream().map(Commune::code).toList());
        assertTrue(transactions.withoutScope(() -> geographie.rechercher("38120", 10)).stream()
                .anyMatch(c -> c.code().equals("38382")));
    }

    @Test
    void queriesUseTheIndexes() {
        String departements = plan(Geographie.SQL_DES_DEPARTEMENTS, "{38}");
        String plusieurs = plan(Geographie.SQL_DES_DEPARTEMENTS, "{38,2A,2B}");
        String parNom = plan(Geographie.SQL_PAR_NOM, "saint egre", Geographie.borneSuperieure("saint egre"), "saint egre", 10);
        String parCodePostal = plan(Geographie.SQL_PAR_CODE_POSTAL, "38100", 10);
        System.out.println("PLAN communesDesDepartements([38]):\n" + departements);
        System.out.println("PLAN communesDesDepartements([38, 2A, 2B]):\n" + plusieurs);
        System.out.println("PLAN rechercher(\"saint-egre\"):\n" + parNom);
        System.out.println("PLAN rechercher(\"38100\"):\n" + parCodePostal);
        assertTrue(departements.contains("commune_departement_idx"), departements);
        assertTrue(plusieurs.contains("commune_departement_idx"), plusieurs);
        assertTrue(parNom.contains("commune_nom_recherche_idx"), parNom);
        assertTrue(parCodePostal.contains("commune_codes_postaux_idx"), parCodePostal);
        assertFalse((departements + plusieurs + parNom + parCodePostal).contains("Seq Scan"));
    }

    @Test
    void theApplicationRoleOnlyReads() {
        List<String> privileges = read("""
                SELECT table_name || ':' || string_agg(privilege_type, ',' ORDER BY privilege_type)
                  FROM information_schema.role_table_grants
                 WHERE grantee = current_user AND table_name IN ('region', 'departement', 'epci', 'commune')
                 GROUP BY table_name ORDER BY table_name""");
        assertEquals(List.of("commune:SELECT", "departement:SELECT", "epci:SELECT", "region:SELECT"), privileges);
    }

    /** EXPLAIN of a query as the application runs it (same statement, bound parameters). */
    private String plan(String sql, Object... parameters) {
        return transactions.withoutScope(() -> jdbc.prepareStatement("EXPLAIN " + sql, ps -> {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof String s && s.startsWith("{")) {
                    ps.setArray(i + 1, ps.getConnection().createArrayOf("text", s.substring(1, s.length() - 1).split(",")));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }));
    }

    private List<String> read(String sql) {
        return transactions.withoutScope(() -> jdbc.prepareStatement(sql, ps -> {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }));
    }

    private int count(String table) {
        return countWhere(table, "true");
    }

    private int countWhere(String table, String condition) {
        return Integer.parseInt(read("SELECT count(*) FROM " + table + " WHERE " + condition).getFirst());
    }

    static int dataRows(String fichier) throws IOException {
        try (InputStream in = GeographieImport.class.getClassLoader().getResourceAsStream("fr/sne/tenants/geographie/" + fichier);
             BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            return (int) reader.lines().count() - 1;
        }
    }
}
