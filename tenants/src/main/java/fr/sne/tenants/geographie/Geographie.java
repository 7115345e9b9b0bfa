package fr.sne.tenants.geographie;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Read access to the administrative geography (national reference data, no tenant scope needed).
 * Every method must run inside a transaction, e.g. {@code TenantTransactions.withoutScope} or any
 * scope.
 */
@Singleton
public class Geographie {

    private static final String COLONNES = "code, nom, departement, epci_siren, population, codes_postaux";
    private static final Pattern CODE_POSTAL = Pattern.compile("[0-9]{5}");

    private final JdbcOperations jdbc;
    private final Map<String, Commune> arrondissements;

    public Geographie(JdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.arrondissements = arrondissementsMunicipaux();
    }

    /**
     * A current commune, or one of the 45 arrondissements municipaux of Paris, Lyon and Marseille
     * (addresses and vendors' files use their codes, e.g. 75113): these carry their parent
     * commune's département.
     */
    public Optional<Commune> commune(String code) {
        Commune arrondissement = code == null ? null : arrondissements.get(code);
        if (arrondissement != null) {
            return Optional.of(arrondissement);
        }
        return jdbc.prepareStatement("SELECT " + COLONNES + " FROM commune WHERE code = ?", ps -> {
            ps.setString(1, code);
            List<Commune> communes = communes(ps);
            return communes.stream().findFirst();
        });
    }

    public boolean communeExiste(String code) {
        if (code != null && arrondissements.containsKey(code)) {
            return true;
        }
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM commune WHERE code = ?)", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** The communes of these départements, ordered by code. */
    public List<Commune> communesDesDepartements(Collection<String> departements) {
        if (departements.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(SQL_DES_DEPARTEMENTS, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", departements.toArray()));
            return communes(ps);
        });
    }

    static final String SQL_DES_DEPARTEMENTS =
            "SELECT " + COLONNES + " FROM commune WHERE departement = ANY (?::text[]) ORDER BY code";

    /**
     * Communes whose name starts with the text, ignoring case, accents, hyphens and apostrophes
     * ("saint egre" and "SAINT-ÉGRE" find Saint-Égrève; abbreviations such as "St" are not
     * expanded), the exact name and then the most populated first; or, for five digits, the
     * communes served by that postal code, by name.
     */
    public List<Commune> rechercher(String texte, int limite) {
        String saisie = texte == null ? "" : texte.strip();
        if (limite <= 0 || saisie.isEmpty()) {
            return List.of();
        }
        if (CODE_POSTAL.matcher(saisie).matches()) {
            return jdbc.prepareStatement(SQL_PAR_CODE_POSTAL, ps -> {
                ps.setString(1, saisie);
                ps.setInt(2, limite);
                return communes(ps);
            });
        }
        String prefixe = GeographieImport.nomRecherche(saisie);
        if (prefixe.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(SQL_PAR_NOM, ps -> {
            ps.setString(1, prefixe);
            ps.setString(2, borneSuperieure(prefixe));
            ps.setString(3, prefixe);
            ps.setInt(4, limite);
            return communes(ps);
        });
    }

    static final String SQL_PAR_CODE_POSTAL =
            "SELECT " + COLONNES + " FROM commune WHERE codes_postaux @> ARRAY[?::text] ORDER BY nom, code LIMIT ?";

    // A prefix as a range, with the operators of the text_pattern_ops index (byte order): unlike
    // LIKE with a bound parameter, the range can use the index in a generic plan too.
    static final String SQL_PAR_NOM = "SELECT " + COLONNES + " FROM commune"
            + " WHERE nom_recherche ~>=~ ? AND nom_recherche ~<~ ?"
            + " ORDER BY nom_recherche = ? DESC, population DESC NULLS LAST, code LIMIT ?";

    public Optional<Departement> departement(String code) {
        return jdbc.prepareStatement("SELECT code, nom, region FROM departement WHERE code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Departement(rs.getString("code"), rs.getString("nom"), rs.getString("region")))
                        : Optional.<Departement>empty();
            }
        });
    }

    /** The smallest string greater than every string starting with the prefix (last code point + 1). */
    static String borneSuperieure(String prefixe) {
        int dernier = prefixe.codePointBefore(prefixe.length());
        return prefixe.substring(0, prefixe.length() - Character.charCount(dernier))
                + Character.toString(dernier + 1);
    }

    private static List<Commune> communes(PreparedStatement ps) throws SQLException {
        List<Commune> communes = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int lue = rs.getInt("population");
                Integer population = rs.wasNull() ? null : lue;
                Array codesPostaux = rs.getArray("codes_postaux");
                communes.add(new Commune(rs.getString("code"), rs.getString("nom"), rs.getString("departement"),
                        rs.getString("epci_siren"), population,
                        Arrays.asList((String[]) codesPostaux.getArray())));
            }
        }
        return communes;
    }

    private static Map<String, Commune> arrondissementsMunicipaux() {
        try (InputStream in = Geographie.class.getResourceAsStream("arrondissements-municipaux.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, Commune> map = new HashMap<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                map.put(f[0], new Commune(f[0], f[1], f[2], null, f[4].isEmpty() ? null : Integer.valueOf(f[4]),
                        f[5].isEmpty() ? List.of() : List.of(f[5].split(" "))));
            }
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
