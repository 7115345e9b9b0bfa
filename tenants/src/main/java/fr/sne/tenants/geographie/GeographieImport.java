package fr.sne.tenants.geographie;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * Loads the administrative geography shipped as gzip-compressed CSV resources (see the README next
 * to them) into {@code region}, {@code departement}, {@code epci} and {@code commune}: each file is
 * parsed, checked against its header and streamed with COPY into a temporary table, then merged
 * into the real table (insert new rows, update changed ones, delete rows that disappeared) in the
 * caller's transaction, or in a transaction of its own on an auto-commit connection.
 *
 * <p>Run by the repeatable Flyway migration {@code db.migration.R__Geographie}, whose checksum is
 * {@link #checksum()}: changed resources re-import, unchanged ones do not. Needs the owner role.
 */
public final class GeographieImport {

    /** Bump when the import itself changes what it writes (e.g. {@link #nomRecherche}), to re-import. */
    static final int FORMAT = 1;

    /** Where the files are read from; the classpath in production, anything in tests. */
    @FunctionalInterface
    public interface Ressources {
        InputStream ouvrir(String fichier) throws IOException;
    }

    /** What the merge did to one table. */
    public record Mouvements(String table, int lues, int ajoutees, int modifiees, int supprimees) {
        public boolean aucun() {
            return ajoutees == 0 && modifiees == 0 && supprimees == 0;
        }
    }

    /** One table: its resource, expected header and merge statements. */
    private record Table(String nom, String fichier, List<String> colonnes, String temporaire, String fusion, String suppression) {
    }

    private static final String PACKAGE = "fr/sne/tenants/geographie/";

    // Order matters: parents are merged before children, and children deleted before parents.
    private static final List<Table> TABLES = List.of(
            new Table("region", "regions.csv.gz", List.of("code", "nom"),
                    "code text NOT NULL, nom text NOT NULL",
                    """
                    INSERT INTO region AS t (code, nom) SELECT code, nom FROM import_region
                    ON CONFLICT (code) DO UPDATE SET nom = excluded.nom
                     WHERE t.nom IS DISTINCT FROM excluded.nom""",
                    "DELETE FROM region t WHERE NOT EXISTS (SELECT 1 FROM import_region i WHERE i.code = t.code)"),
            new Table("departement", "departements.csv.gz", List.of("code", "nom", "region"),
                    "code text NOT NULL, nom text NOT NULL, region text NOT NULL",
                    """
                    INSERT INTO departement AS t (code, nom, region) SELECT code, nom, region FROM import_departement
                    ON CONFLICT (code) DO UPDATE SET nom = excluded.nom, region = excluded.region
                     WHERE (t.nom, t.region) IS DISTINCT FROM (excluded.nom, excluded.region)""",
                    "DELETE FROM departement t WHERE NOT EXISTS (SELECT 1 FROM import_departement i WHERE i.code = t.code)"),
            new Table("epci", "epci.csv.gz", List.of("siren", "nom", "type"),
                    "siren text NOT NULL, nom text NOT NULL, type text NOT NULL",
                    """
                    INSERT INTO epci AS t (siren, nom, type) SELECT siren, nom, type FROM import_epci
                    ON CONFLICT (siren) DO UPDATE SET nom = excluded.nom, type = excluded.type
                     WHERE (t.nom, t.type) IS DISTINCT FROM (excluded.nom, excluded.type)""",
                    "DELETE FROM epci t WHERE NOT EXISTS (SELECT 1 FROM import_epci i WHERE i.siren = t.siren)"),
            // the file has no nom_recherche: the import appends it (see copier)
            new Table("commune", "communes.csv.gz",
                    List.of("code", "nom", "departement", "region", "epci_siren", "population", "codes_postaux"),
                    "code text NOT NULL, nom text NOT NULL, departement text NOT NULL, region text NOT NULL, "
                            + "epci_siren text, population integer, codes_postaux text, nom_recherche text NOT NULL",
                    """
                    INSERT INTO commune AS t (code, nom, departement, region, epci_siren, population, codes_postaux, nom_recherche)
                    SELECT code, nom, departement, region, epci_siren, population,
                           coalesce(string_to_array(codes_postaux, '|'), '{}'), nom_recherche
                      FROM import_commune
                    ON CONFLICT (code) DO UPDATE
                       SET nom = excluded.nom, departement = excluded.departement, region = excluded.region,
                           epci_siren = excluded.epci_siren, population = excluded.population,
                           codes_postaux = excluded.codes_postaux, nom_recherche = excluded.nom_recherche
                     WHERE (t.nom, t.departement, t.region, t.epci_siren, t.population, t.codes_postaux, t.nom_recherche)
                           IS DISTINCT FROM (excluded.nom, excluded.departement, excluded.region, excluded.epci_siren,
                                             excluded.population, excluded.codes_postaux, excluded.nom_recherche)""",
                    "DELETE FROM commune t WHERE NOT EXISTS (SELECT 1 FROM import_commune i WHERE i.code = t.code)"));

    private final Ressources ressources;

    /** Reads the resources shipped in this package. */
    public GeographieImport() {
        this(fichier -> {
            InputStream in = GeographieImport.class.getClassLoader().getResourceAsStream(PACKAGE + fichier);
            if (in == null) {
                throw new FileNotFoundException("classpath:" + PACKAGE + fichier);
            }
            return in;
        });
    }

    public GeographieImport(Ressources ressources) {
        this.ressources = ressources;
    }

    /** The resource files, in import order. */
    public static List<String> fichiers() {
        return TABLES.stream().map(Table::fichier).toList();
    }

    /** CRC32 of the import format and of every resource's bytes: the Flyway checksum. */
    public int checksum() {
        CRC32 crc = new CRC32();
        crc.update(("geographie-format-" + FORMAT).getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[64 * 1024];
        for (Table table : TABLES) {
            crc.update(table.fichier().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = ressources.ouvrir(table.fichier())) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (int) crc.getValue();
    }

    /**
     * Imports every file and merges it; returns what changed, per table, in import order. Inside
     * the caller's transaction unless the connection is in auto-commit mode, in which case the
     * whole import is one transaction of its own.
     */
    public List<Mouvements> importer(Connection connection) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        try {
            List<Mouvements> mouvements = fusionner(connection);
            if (autoCommit) {
                connection.commit();
            }
            return mouvements;
        } catch (SQLException | IOException | RuntimeException e) {
            if (autoCommit) {
                connection.rollback();
            }
            throw e;
        } finally {
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        }
    }

    private List<Mouvements> fusionner(Connection connection) throws SQLException, IOException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        Map<String, Integer> lues = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (Table table : TABLES) {
                s.execute("DROP TABLE IF EXISTS pg_temp.import_" + table.nom());
                s.execute("CREATE TEMPORARY TABLE import_" + table.nom() + " (" + table.temporaire() + ") ON COMMIT DROP");
                lues.put(table.nom(), copier(pg, table));
            }
            Map<String, int[]> compte = new LinkedHashMap<>();
            for (Table table : TABLES) {
                try (ResultSet rs = s.executeQuery("WITH m AS (" + table.fusion() + " RETURNING (xmax = 0) AS ajoutee) "
                        + "SELECT count(*) FILTER (WHERE ajoutee), count(*) FILTER (WHERE NOT ajoutee) FROM m")) {
                    rs.next();
                    compte.put(table.nom(), new int[] {rs.getInt(1), rs.getInt(2), 0});
                }
            }
            for (Table table : TABLES.reversed()) {
                compte.get(table.nom())[2] = s.executeUpdate(table.suppression());
            }
            List<Mouvements> mouvements = new ArrayList<>();
            for (Table table : TABLES) {
                int[] c = compte.get(table.nom());
                mouvements.add(new Mouvements(table.nom(), lues.get(table.nom()), c[0], c[1], c[2]));
                s.execute("DROP TABLE pg_temp.import_" + table.nom());
            }
            if (mouvements.stream().anyMatch(m -> !m.aucun())) {
                // fresh statistics, so that the planner uses the indexes right after a first import
                s.execute("ANALYZE region, departement, epci, commune");
            }
            return mouvements;
        }
    }

    /** Streams one file into its temporary table; returns the number of data rows. */
    private int copier(PGConnection pg, Table table) throws SQLException, IOException {
        boolean commune = table.nom().equals("commune");
        int lignes = 0;
        try (InputStream brut = ressources.ouvrir(table.fichier());
             Reader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(brut), StandardCharsets.UTF_8));
             PGCopyOutputStream copy = new PGCopyOutputStream(pg, "COPY import_" + table.nom() + " FROM STDIN (FORMAT csv)");
             Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 64 * 1024)) {
            CsvReader csv = new CsvReader(reader);
            List<String> entete = csv.ligne();
            if (!table.colonnes().equals(entete)) {
                throw new IOException(table.fichier() + ": expected header " + table.colonnes() + ", found " + entete);
            }
            for (List<String> champs; (champs = csv.ligne()) != null; ) {
                lignes++;
                if (champs.size() != entete.size()) {
                    throw new IOException(table.fichier() + ", data row " + lignes + ": " + champs.size()
                            + " fields instead of " + entete.size());
                }
                if (commune) {
                    champs.add(nomRecherche(champs.get(1)));
                }
                ecrire(out, champs);
            }
        }
        return lignes;
    }

    /** CSV for COPY: an empty field stays unquoted (NULL), any other is quoted. */
    private static void ecrire(Writer out, List<String> champs) throws IOException {
        for (int i = 0; i < champs.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String champ = champs.get(i);
            if (!champ.isEmpty()) {
                out.write('"');
                out.write(champ.replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write('\n');
    }

    /**
     * The search form of a name: lower case, accents removed, œ and æ spelt out, every run of
     * other characters (hyphens, apostrophes, spaces, brackets) as one space, trimmed.
     * "Saint-Égrève" gives "saint egreve", "L'Haÿ-les-Roses" gives "l hay les roses".
     */
    public static String nomRecherche(String nom) {
        String decompose = Normalizer.normalize(nom.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decompose.length());
        boolean espace = false;
        for (int i = 0; i < decompose.length(); ) {
            int c = decompose.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (espace && !sb.isEmpty()) {
                    sb.append(' ');
                }
                espace = false;
                switch (c) {
                    case 'œ' -> sb.append("oe");
                    case 'æ' -> sb.append("ae");
                    case 'ß' -> sb.append("ss");
                    default -> sb.appendCodePoint(c);
                }
            } else {
                espace = true;
            }
        }
        return sb.toString();
    }

    /** RFC 4180 records (quoted fields may hold commas, quotes and line breaks); LF or CRLF. */
    static final class CsvReader {
        private final Reader in;
        private int suivant = -2;

        CsvReader(Reader in) {
            this.in = in;
        }

        /** The next record's fields, or null at the end of the input. */
        List<String> ligne() throws IOException {
            int c = lire();
            if (c == -1) {
                return null;
            }
            List<String> champs = new ArrayList<>();
            StringBuilder champ = new StringBuilder();
            while (true) {
                if (c == '"' && champ.isEmpty()) {
                    // quoted field, up to the closing quote ("" is a quote)
                    while (true) {
                        c = lire();
                        if (c == -1) {
                            throw new IOException("unterminated quoted field");
                        }
                        if (c == '"') {
                            c = lire();
                            if (c != '"') {
                                break;
                            }
                        }
                        champ.append((char) c);
                    }
                    if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                        throw new IOException("unexpected character after a quoted field: " + (char) c);
                    }
                    continue;
                }
                if (c == ',') {
                    champs.add(champ.toString());
                    champ.setLength(0);
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int n = lire();
                        if (n != '\n') {
                            suivant = n;
                        }
                    }
                    champs.add(champ.toString());
                    return champs;
                } else {
                    champ.append((char) c);
                }
                c = lire();
            }
        }

        private int lire() throws IOException {
            if (suivant != -2) {
                int c = suivant;
                suivant = -2;
                return c;
            }
            return in.read();
        }
    }
}
