package fr.sne.tenants.geographie;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import itself, called directly on an owner connection (as the Flyway migration does):
 * idempotent, restores hand edits, deletes what disappeared from the files, all or nothing.
 * Tests that change the data roll back, so the shared database keeps the shipped geography.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.oidc.issuer", value = "http://localhost/sne")
class GeographieImportTest implements SharedServicesTest {

    private final GeographieImport shipped = new GeographieImport();

    // --- without a database

    @Test
    void searchNames() {
        assertEquals("saint egreve", GeographieImport.nomRecherche("Saint-Égrève"));
        assertEquals("l hay les roses", GeographieImport.nomRecherche("L'Haÿ-les-Roses"));
        assertEquals("oeuilly", GeographieImport.nomRecherche("Œuilly"));
        assertEquals("bors canton de baignes sainte radegonde",
                GeographieImport.nomRecherche("Bors (Canton de Baignes-Sainte-Radegonde)"));
        assertEquals("", GeographieImport.nomRecherche(" - ' "));
        assertEquals("saint egrf", Geographie.borneSuperieure("saint egre"));
    }

    @Test
    void csvRecords() throws IOException {
        var csv = new GeographieImport.CsvReader(new StringReader(
                "siren,nom,type\r\n1,\"CA \"\"Saintes\"\", Rives\",CA\n2,,\n\"3\",\"a\nb\",CC"));
        assertEquals(List.of("siren", "nom", "type"), csv.ligne());
        assertEquals(List.of("1", "CA \"Saintes\", Rives", "CA"), csv.ligne());
        assertEquals(List.of("2", "", ""), csv.ligne());
        assertEquals(List.of("3", "a\nb", "CC"), csv.ligne());
        assertEquals(null, csv.ligne());
    }

    @Test
    void checksumFollowsTheBytes() {
        assertEquals(shipped.checksum(), new GeographieImport().checksum());
        GeographieImport changed = new GeographieImport(edited("regions.csv.gz", csv -> csv.replace("Corse", "Corsica")));
        assertNotEquals(shipped.checksum(), changed.checksum());
    }

    // --- on the shared database, as the owner

    @Test
    void aSecondImportChangesNothing() throws Exception {
        try (Connection c = owner()) {
            List<GeographieImport.Mouvements> mouvements = shipped.importer(c);
            assertEquals(List.of(
                    new GeographieImport.Mouvements("region", 26, 0, 0, 0),
                    new GeographieImport.Mouvements("departement", 109, 0, 0, 0),
                    new GeographieImport.Mouvements("epci", 1255, 0, 0, 0),
                    new GeographieImport.Mouvements("commune", 34_969, 0, 0, 0)), mouvements);
        }
    }

    @Test
    void handEditsAreRestored() throws Exception {
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            String grenoble = commune(c, "38185");
            String stMartinDHeres = commune(c, "38421");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE commune SET nom = 'Grenoble-les-Bains', population = 1, codes_postaux = '{38999}', "
                        + "nom_recherche = 'x' WHERE code = '38185'");
                s.executeUpdate("UPDATE epci SET nom = 'Métro' WHERE siren = '200040715'");
                s.executeUpdate("DELETE FROM commune WHERE code = '38421'");
                s.executeUpdate("INSERT INTO epci (siren, nom, type) VALUES ('999999999', 'CC Imaginaire', 'CC')");
                s.executeUpdate("INSERT INTO commune (code, nom, departement, region, epci_siren, nom_recherche) "
                        + "VALUES ('38999', 'Imaginaire', '38', '84', '999999999', 'imaginaire')");
            }
            List<GeographieImport.Mouvements> mouvements = shipped.importer(c);
            assertEquals(new GeographieImport.Mouvements("epci", 1255, 0, 1, 1), mouvements.get(2));
            assertEquals(new GeographieImport.Mouvements("commune", 34_969, 1, 1, 1), mouvements.get(3));
            assertEquals(grenoble, commune(c, "38185"));
            assertEquals(stMartinDHeres, commune(c, "38421"));
            assertEquals("", commune(c, "38999"));
            c.commit();
            assertTrue(shipped.importer(c).stream().allMatch(GeographieImport.Mouvements::aucun));
            c.commit();
        }
    }

    @Test
    void whatDisappearsFromTheFilesIsDeleted() throws Exception {
        // Grenoble-Alpes-Métropole dissolved, Saint-Égrève merged away
        GeographieImport refreshed = new GeographieImport(fichier -> switch (fichier) {
            case "epci.csv.gz" -> edited(fichier, csv -> csv.replaceAll("(?m)^200040715,.*\n", "")).ouvrir(fichier);
            case "communes.csv.gz" -> edited(fichier, csv -> csv.replaceAll("(?m)^38421,.*\n", "")
                    .replace(",200040715,", ",,")).ouvrir(fichier);
            default -> classpath(fichier);
        });
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            int members = Integer.parseInt(query(c, "SELECT count(*) FROM commune WHERE epci_siren = '200040715'"));
            List<GeographieImport.Mouvements> mouvements = refreshed.importer(c);
            assertEquals(new GeographieImport.Mouvements("epci", 1254, 0, 0, 1), mouvements.get(2));
            assertEquals(new GeographieImport.Mouvements("commune", 34_968, 0, members - 1, 1), mouvements.get(3));
            assertEquals("", commune(c, "38421"));
            assertEquals("0", query(c, "SELECT count(*) FROM epci WHERE siren = '200040715'"));
            assertTrue(commune(c, "38185").contains("|null|"), commune(c, "38185"));
            c.rollback();
        }
    }

    @Test
    void aBrokenFileChangesNothing() throws Exception {
        GeographieImport broken = new GeographieImport(fichier -> fichier.equals("communes.csv.gz")
                ? edited(fichier, csv -> csv.replace("38185,Grenoble,38,84", "38185,Grenoble,38")).ouvrir(fichier)
                : classpath(fichier));
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE region SET nom = 'Auvergne' WHERE code = '84'");
            try {
                IOException e = assertThrows(IOException.class, () -> broken.importer(c));
                assertTrue(e.getMessage().contains("6 fields instead of 7"), e.getMessage());
                // the region file came first, yet its import was rolled back with the rest
                assertEquals("Auvergne", query(c, "SELECT nom FROM region WHERE code = '84'"));
            } finally {
                shipped.importer(c);
            }
            assertEquals("Auvergne-Rhône-Alpes", query(c, "SELECT nom FROM region WHERE code = '84'"));
        }
    }

    @Test
    void flywayReimportsWhenTheChecksumChangesOnly() throws Exception {
        Map<String, Object> p = SharedTestServices.properties();
        Flyway flyway = Flyway.configure()
                .dataSource((String) p.get("flyway.datasources.owner.url"), (String) p.get("flyway.datasources.owner.user"),
                        (String) p.get("flyway.datasources.owner.password"))
                .locations(((String) p.get("flyway.datasources.owner.locations")).split(","))
                .placeholders(Map.of("approle", (String) p.get("flyway.datasources.owner.placeholders.approle")))
                .load();
        assertEquals(0, flyway.migrate().migrationsExecuted, "unchanged resources: nothing to run");
        try (Connection c = owner(); Statement s = c.createStatement()) {
            // as if the data files had changed since the last import (and someone edited a row)
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE script LIKE '%R__Geographie'");
            s.executeUpdate("UPDATE commune SET population = 0 WHERE code = '38185'");
            MigrateResult result = flyway.migrate();
            assertEquals(1, result.migrationsExecuted);
            assertEquals("Geographie", result.migrations.getFirst().description);
            assertEquals("156140", query(c, "SELECT population FROM commune WHERE code = '38185'"));
            assertEquals(0, flyway.migrate().migrationsExecuted);
        }
    }

    private static Connection owner() throws SQLException {
        Map<String, Object> p = SharedTestServices.properties();
        return DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
    }

    private static String commune(Connection c, String code) throws SQLException {
        return query(c, "SELECT concat_ws('|', code, nom, departement, region, coalesce(epci_siren, 'null'), population, "
                + "codes_postaux::text, nom_recherche) FROM commune WHERE code = '" + code + "'");
    }

    /** The first column of the rows, joined with newlines ("" for no row). */
    private static String query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return String.join("\n", rows);
    }

    private static InputStream classpath(String fichier) throws IOException {
        return GeographieImport.class.getClassLoader().getResourceAsStream("fr/sne/tenants/geographie/" + fichier);
    }

    /** The shipped resources, with one file's text transformed. */
    private static GeographieImport.Ressources edited(String cible, UnaryOperator<String> edit) {
        return fichier -> {
            if (!fichier.equals(cible)) {
                return classpath(fichier);
            }
            String csv;
            try (InputStream in = new GZIPInputStream(classpath(fichier))) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(edit.apply(csv).getBytes(StandardCharsets.UTF_8));
            }
            return new ByteArrayInputStream(bytes.toByteArray());
        };
    }
}
