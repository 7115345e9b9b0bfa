package fr.sne.community.recherche;

import fr.sne.tenants.web.Probleme;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query-string parameters of a search ({@code q}, {@code type}, {@code theme}, {@code espace},
 * {@code periode}, {@code page}, {@code tri}), shared by the page and the API: read into a
 * {@link Recherche} with the anomalies found, and written back as links.
 */
public record ParametresRecherche(String q, List<String> types, List<String> themes, List<String> espaces,
                                  List<String> periodes, String page, String tri) {

    /** Longest {@code q} the API accepts (the engine reads its first 300 characters). */
    public static final int Q_MAX = 1_000;
    private static final int VALEURS_MAX = 20;
    private static final int VALEUR_LONGUEUR_MAX = 100;

    public ParametresRecherche {
        types = liste(types);
        themes = liste(themes);
        espaces = liste(espaces);
        periodes = liste(periodes);
    }

    /** The parameters read, or what is wrong with them. */
    public record Lecture(Recherche recherche, List<Probleme.Anomalie> anomalies) {
        public boolean valide() {
            return anomalies.isEmpty();
        }
    }

    public boolean vide() {
        return (q == null || q.isBlank()) && types.isEmpty() && themes.isEmpty() && espaces.isEmpty() && periodes.isEmpty();
    }

    public Lecture lire() {
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        if (q != null && q.length() > Q_MAX) {
            anomalies.add(new Probleme.Anomalie("PARAMETRE_INVALIDE", "q", "La recherche dépasse " + Q_MAX + " caractères."));
        }
        valeurs(anomalies, "type", types);
        valeurs(anomalies, "theme", themes);
        valeurs(anomalies, "espace", espaces);
        Set<Periode> lues = new LinkedHashSet<>();
        for (String p : periodes) {
            Periode.deCode(p).ifPresentOrElse(lues::add, () -> anomalies.add(new Probleme.Anomalie("PARAMETRE_INVALIDE", "periode",
                    "Période inconnue : « " + court(p) + " » (valeurs possibles : mois, annee, cinq-ans, ancien).")));
        }
        int numero = 1;
        if (page != null && !page.isBlank()) {
            try {
                numero = Integer.parseInt(page.strip());
                if (numero < 1 || numero > Recherche.PAGE_MAX) {
                    anomalies.add(new Probleme.Anomalie("PARAMETRE_INVALIDE", "page",
                            "La page doit être comprise entre 1 et " + Recherche.PAGE_MAX + " : précisez la recherche pour aller plus loin."));
                }
            } catch (NumberFormatException e) {
                anomalies.add(new Probleme.Anomalie("PARAMETRE_INVALIDE", "page", "La page doit être un nombre entier."));
                numero = 1;
            }
        }
        Recherche.Tri ordre = Recherche.Tri.PERTINENCE;
        if (tri != null && !tri.isBlank()) {
            switch (tri.strip().toLowerCase(Locale.ROOT)) {
                case "pertinence" -> ordre = Recherche.Tri.PERTINENCE;
                case "date" -> ordre = Recherche.Tri.DATE;
                default -> anomalies.add(new Probleme.Anomalie("PARAMETRE_INVALIDE", "tri",
                        "Tri inconnu : « " + court(tri) + " » (valeurs possibles : pertinence, date)."));
            }
        }
        String texte = q == null ? "" : q.length() > Q_MAX ? q.substring(0, Q_MAX) : q;
        Recherche recherche = new Recherche(texte, nettoyees(types), nettoyees(themes), nettoyees(espaces), lues,
                Math.clamp(numero, 1, Recherche.PAGE_MAX), ordre);
        return new Lecture(recherche, anomalies);
    }

    /** A link to the same search at another page. */
    public String lien(String chemin, int autrePage) {
        return lien(chemin, q, types, themes, espaces, periodes, tri, autrePage);
    }

    /** A link to the search of another text with no filter (the spelling suggestion). */
    public static String lienTexte(String chemin, String texte) {
        return lien(chemin, texte, List.of(), List.of(), List.of(), List.of(), null, 1);
    }

    private static String lien(String chemin, String q, List<String> types, List<String> themes, List<String> espaces,
                               List<String> periodes, String tri, int page) {
        List<String> parties = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            parties.add("q=" + encoder(q));
        }
        types.forEach(v -> parties.add("type=" + encoder(v)));
        themes.forEach(v -> parties.add("theme=" + encoder(v)));
        espaces.forEach(v -> parties.add("espace=" + encoder(v)));
        periodes.forEach(v -> parties.add("periode=" + encoder(v)));
        if (tri != null && !tri.isBlank()) {
            parties.add("tri=" + encoder(tri));
        }
        if (page > 1) {
            parties.add("page=" + page);
        }
        return parties.isEmpty() ? chemin : chemin + "?" + String.join("&", parties);
    }

    private static void valeurs(List<Probleme.Anomalie> anomalies, String champ, List<String> valeurs) {
        if (valeurs.size() > VALEURS_MAX) {
            anomalies.add(new Probleme.Anomalie("PARAMETRE_INVALIDE", champ, "Au plus " + VALEURS_MAX + " valeurs de « " + champ + " »."));
        }
        if (valeurs.stream().anyMatch(v -> v.length() > VALEUR_LONGUEUR_MAX)) {
            anomalies.add(new Probleme.Anomalie("PARAMETRE_INVALIDE", champ,
                    "Une valeur de « " + champ + " » dépasse " + VALEUR_LONGUEUR_MAX + " caractères."));
        }
    }

    private static Set<String> nettoyees(List<String> valeurs) {
        Set<String> set = new LinkedHashSet<>();
        valeurs.stream().limit(VALEURS_MAX).filter(v -> v.length() <= VALEUR_LONGUEUR_MAX).forEach(set::add);
        return set;
    }

    private static List<String> liste(List<String> valeurs) {
        return valeurs == null ? List.of() : valeurs.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static String court(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String encoder(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
