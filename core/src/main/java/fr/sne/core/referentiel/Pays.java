package fr.sne.core.referentiel;

import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Foreign countries of the INSEE COG (current countries and territories with their own code).
 * A typed name is accepted without regard to case, accents or punctuation; France and its
 * overseas départements and collectivities are not foreign countries; a near miss (Jaro-Winkler
 * ≥ 0.95) gets a suggestion; text that looks like an address is refused outright.
 */
@Singleton
public class Pays {

    static final double SEUIL_SUGGESTION = 0.95;
    private static final Pattern ADRESSE = Pattern.compile(
            "(^|.* )(rue|avenue|av|bd|boulevard|place|pl|chemin|impasse|allee|route|quai|cours|lieu dit|lotissement|"
                    + "residence|cite|hameau|bp|cedex|batiment|bat|appartement|appt|escalier)( .*|$)|.*[0-9].*");

    private record Pays2025(String code, String libelle) {
    }

    private final Map<String, Pays2025> parNom = new HashMap<>();
    private final Set<String> francais = new HashSet<>();

    public Pays() {
        for (String[] row : csv("pays_cog_2025.csv")) {
            String code = row[0];
            String actual = row[1];
            if (!"1".equals(actual) && !"4".equals(actual)) {
                continue;
            }
            if ("99100".equals(code)) {
                ajouter(francais, row[4], row[5]);
                continue;
            }
            Pays2025 pays = new Pays2025(code, row[4]);
            for (String nom : List.of(row[4], row[5])) {
                parNom.putIfAbsent(Normalisation.normaliser(nom), pays);
                parNom.putIfAbsent(sansArticle(Normalisation.normaliser(nom)), pays);
            }
        }
        for (String[] row : csv("france_et_outre_mer_cog_2020.csv")) {
            ajouter(francais, row[5], row[6]);
        }
    }

    private static void ajouter(Set<String> noms, String... libelles) {
        for (String l : libelles) {
            noms.add(Normalisation.normaliser(l));
            noms.add(sansArticle(Normalisation.normaliser(l)));
        }
    }

    /** "la reunion" → "reunion", "les pays bas" → "pays bas". */
    private static String sansArticle(String nom) {
        return nom.replaceFirst("^(la|le|les|l) ", "");
    }

    public VerificationPays verifier(String libelle) {
        String saisi = sansArticle(Normalisation.normaliser(libelle));
        if (saisi.isEmpty() || ADRESSE.matcher(saisi).matches()) {
            return VerificationPays.refuse(null);
        }
        if (francais.contains(saisi)) {
            return VerificationPays.refuse(null);
        }
        Pays2025 exact = parNom.get(saisi);
        if (exact != null) {
            return new VerificationPays(true, exact.libelle(), exact.code(), null);
        }
        String meilleur = null;
        double score = 0;
        for (String nom : parNom.keySet()) {
            double s = Normalisation.similarite(saisi, nom);
            if (s > score) {
                score = s;
                meilleur = nom;
            }
        }
        for (String nom : francais) {
            if (Normalisation.similarite(saisi, nom) >= score) {
                // closer to France or an overseas territory than to any foreign country: no suggestion
                return VerificationPays.refuse(null);
            }
        }
        return VerificationPays.refuse(score >= SEUIL_SUGGESTION ? parNom.get(meilleur).libelle() : null);
    }

    private static List<String[]> csv(String fichier) {
        try (InputStream in = Pays.class.getResourceAsStream(fichier);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(champs(line));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV line (commas, double quotes around fields that hold commas). */
    private static String[] champs(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }
}
