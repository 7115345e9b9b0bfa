package fr.sne.core.recherche;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a search asks for, read from the page's query parameters (the same for the page, its
 * exports and its pagination links). Errors are collected field by field, in French.
 *
 * @param numero           a whole number or its beginning (spaces ignored)
 * @param etat             ACTIVE, RADIEE, or null for both
 * @param commune          an INSEE code or a commune's name, resolved by the service
 * @param ancienneteMin    months since filing, at least
 * @param delaiAnormalementLong  active applications whose age reached the territory's "délai anormalement long"
 *                               or will within 3 months (gestion partagée), or the others
 * @param attributionsMultiples  applications with at least 2 conditional attributions never followed by a lease, or the others
 */
public record Criteres(@Nullable String territoire, @Nullable String numero, @Nullable String etat,
                       @Nullable LocalDate depotDu, @Nullable LocalDate depotAu,
                       @Nullable LocalDate renouvellementDu, @Nullable LocalDate renouvellementAu,
                       @Nullable String commune, @Nullable Integer tailleMin, @Nullable Integer tailleMax,
                       List<String> types, @Nullable Integer ressourcesMin, @Nullable Integer ressourcesMax,
                       @Nullable Integer revenuMin, @Nullable Integer revenuMax, @Nullable Boolean prioritaire,
                       @Nullable String dalo, @Nullable Boolean handicap, @Nullable Integer ancienneteMin,
                       @Nullable Integer ancienneteMax, @Nullable String guichet,
                       @Nullable Boolean delaiAnormalementLong, @Nullable Boolean attributionsMultiples,
                       Tri tri, int page, int parPage) {

    public static final List<Integer> TAILLES_PAGE = List.of(20, 50, 100);
    static final Set<String> TYPES = Set.of("C", "T1", "T2", "T3", "T4", "T5", "T6P");
    static final Set<String> DALO = Set.of("NON", "ACTIF", "CADUC", "ACTREL");
    private static final int MONTANT_MAX = 10_000_000;

    public Criteres {
        types = List.copyOf(types);
    }

    /** The criteria and the errors of a query (parameter name → values). */
    public record Lecture(Criteres criteres, Map<String, String> erreurs) {
    }

    /** Reads the query parameters; an absent {@code etat} means active applications only. */
    public static Lecture lire(Function<String, List<String>> parametres) {
        Map<String, String> erreurs = new LinkedHashMap<>();
        Lecteur l = new Lecteur(parametres, erreurs);
        String numero = l.texte("numero");
        if (numero != null) {
            numero = numero.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            if (!numero.matches("[0-9A-Z]{1,18}")) {
                erreurs.put("numero", "Le numéro unique compte au plus 18 chiffres ou lettres majuscules.");
                numero = null;
            }
        }
        String etat = l.texte("etat");
        if (etat == null) {
            etat = parametres.apply("etat").isEmpty() ? "ACTIVE" : null;
        } else if ("TOUTES".equals(etat)) {
            etat = null;
        } else if (!Set.of("ACTIVE", "RADIEE").contains(etat)) {
            erreurs.put("etat", "État inconnu.");
            etat = null;
        }
        LocalDate depotDu = l.date("depotDu", "La date de dépôt (du)");
        LocalDate depotAu = l.date("depotAu", "La date de dépôt (au)");
        l.ordre(depotDu, depotAu, "depotAu", "La date de fin de dépôt précède la date de début.");
        LocalDate renDu = l.date("renouvellementDu", "La date de renouvellement (du)");
        LocalDate renAu = l.date("renouvellementAu", "La date de renouvellement (au)");
        l.ordre(renDu, renAu, "renouvellementAu", "La date de fin de renouvellement précède la date de début.");
        String commune = l.texte("commune");
        if (commune != null && commune.length() > 100) {
            erreurs.put("commune", "La commune est trop longue.");
            commune = null;
        }
        Integer tailleMin = l.entier("tailleMin", 1, 30, "La taille minimale du ménage");
        Integer tailleMax = l.entier("tailleMax", 1, 30, "La taille maximale du ménage");
        l.ordre(tailleMin, tailleMax, "tailleMax", "La taille maximale est inférieure à la taille minimale.");
        List<String> types = new ArrayList<>();
        for (String t : parametres.apply("types")) {
            if (t == null || t.isBlank()) {
                continue;
            }
            if (!TYPES.contains(t)) {
                erreurs.put("types", "Type de logement inconnu.");
            } else if (!types.contains(t)) {
                types.add(t);
            }
        }
        Integer resMin = l.entier("ressourcesMin", -MONTANT_MAX, MONTANT_MAX, "Les ressources minimales");
        Integer resMax = l.entier("ressourcesMax", -MONTANT_MAX, MONTANT_MAX, "Les ressources maximales");
        l.ordre(resMin, resMax, "ressourcesMax", "Les ressources maximales sont inférieures aux ressources minimales.");
        Integer revMin = l.entier("revenuMin", 0, MONTANT_MAX, "Le revenu fiscal minimal");
        Integer revMax = l.entier("revenuMax", 0, MONTANT_MAX, "Le revenu fiscal maximal");
        l.ordre(revMin, revMax, "revenuMax", "Le revenu fiscal maximal est inférieur au revenu minimal.");
        Boolean prioritaire = l.ouiNon("prioritaire");
        String dalo = l.texte("dalo");
        if (dalo != null && !DALO.contains(dalo)) {
            erreurs.put("dalo", "Statut DALO inconnu.");
            dalo = null;
        }
        Boolean handicap = l.ouiNon("handicap");
        Integer ancMin = l.entier("ancienneteMin", 0, 600, "L’ancienneté minimale");
        Integer ancMax = l.entier("ancienneteMax", 0, 600, "L’ancienneté maximale");
        l.ordre(ancMin, ancMax, "ancienneteMax", "L’ancienneté maximale est inférieure à l’ancienneté minimale.");
        String guichet = l.texte("guichet");
        if (guichet != null && !guichet.matches("[0-9A-Z]{5}")) {
            erreurs.put("guichet", "Guichet inconnu.");
            guichet = null;
        }
        Boolean delai = l.ouiNon("delaiAnormalementLong");
        Boolean attributions = l.ouiNon("attributionsMultiples");
        Tri tri = Tri.DEPOT_DESC;
        String t = l.texte("tri");
        if (t != null) {
            try {
                tri = Tri.valueOf(t);
            } catch (IllegalArgumentException e) {
                erreurs.put("tri", "Ordre de tri inconnu.");
            }
        }
        Integer page = l.entier("page", 1, 100_000, "La page");
        Integer parPage = l.entier("parPage", 1, 100, "Le nombre de résultats par page");
        String territoire = l.texte("territoire");
        if (territoire != null && !territoire.matches("[0-9]{3}")) {
            erreurs.put("territoire", "Territoire inconnu.");
            territoire = null;
        }
        return new Lecture(new Criteres(territoire, numero, etat, depotDu, depotAu, renDu, renAu, commune, tailleMin, tailleMax,
                types, resMin, resMax, revMin, revMax, prioritaire, dalo, handicap, ancMin, ancMax, guichet, delai, attributions, tri,
                page == null ? 1 : page, parPage == null || !TAILLES_PAGE.contains(parPage) ? 20 : parPage), erreurs);
    }

    /** The same criteria in another territory (a national profile's choice) or with a resolved commune. */
    Criteres avec(String territoireChoisi, String communeResolue) {
        return new Criteres(territoireChoisi, numero, etat, depotDu, depotAu, renouvellementDu, renouvellementAu, communeResolue,
                tailleMin, tailleMax, types, ressourcesMin, ressourcesMax, revenuMin, revenuMax, prioritaire, dalo, handicap,
                ancienneteMin, ancienneteMax, guichet, delaiAnormalementLong, attributionsMultiples, tri, page, parPage);
    }

    /** Whether an advanced criterion is set (the page opens that part of the form then). */
    public boolean isAvancee() {
        return tailleMin != null || tailleMax != null || !types.isEmpty() || ressourcesMin != null || ressourcesMax != null
                || revenuMin != null || revenuMax != null || prioritaire != null || dalo != null || handicap != null
                || ancienneteMin != null || ancienneteMax != null || guichet != null || delaiAnormalementLong != null
                || attributionsMultiples != null || tri != Tri.DEPOT_DESC;
    }

    /** A short description for the audit trail (no names: criteria only). */
    Map<String, Object> resume() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "numero", numero);
        put(m, "etat", etat);
        put(m, "depotDu", depotDu);
        put(m, "depotAu", depotAu);
        put(m, "renouvellementDu", renouvellementDu);
        put(m, "renouvellementAu", renouvellementAu);
        put(m, "commune", commune);
        put(m, "tailleMin", tailleMin);
        put(m, "tailleMax", tailleMax);
        put(m, "types", types.isEmpty() ? null : types);
        put(m, "ressourcesMin", ressourcesMin);
        put(m, "ressourcesMax", ressourcesMax);
        put(m, "revenuMin", revenuMin);
        put(m, "revenuMax", revenuMax);
        put(m, "prioritaire", prioritaire);
        put(m, "dalo", dalo);
        put(m, "handicap", handicap);
        put(m, "ancienneteMin", ancienneteMin);
        put(m, "ancienneteMax", ancienneteMax);
        put(m, "guichet", guichet);
        put(m, "delaiAnormalementLong", delaiAnormalementLong);
        put(m, "attributionsMultiples", attributionsMultiples);
        m.put("tri", tri.name());
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v instanceof LocalDate d ? d.toString() : v);
        }
    }

    /** Typed reading of the parameters, errors named after the fields. */
    private record Lecteur(Function<String, List<String>> parametres, Map<String, String> erreurs) {

        String texte(String nom) {
            List<String> v = parametres.apply(nom);
            if (v.isEmpty() || v.getFirst() == null || v.getFirst().isBlank()) {
                return null;
            }
            return v.getFirst().strip();
        }

        LocalDate date(String nom, String libelle) {
            String v = texte(nom);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                erreurs.put(nom, libelle + " doit être une date existante, au format jj/mm/aaaa.");
                return null;
            }
        }

        Integer entier(String nom, int min, int max, String libelle) {
            String v = texte(nom);
            if (v == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(v.replace(" ", "").replace("\u00a0", ""));
                if (n < min || n > max) {
                    erreurs.put(nom, libelle + " : indiquez un nombre entre " + min + " et " + max + ".");
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                erreurs.put(nom, libelle + " : indiquez un nombre entier.");
                return null;
            }
        }

        Boolean ouiNon(String nom) {
            String v = texte(nom);
            if (v == null) {
                return null;
            }
            return switch (v) {
                case "oui" -> true;
                case "non" -> false;
                default -> {
                    erreurs.put(nom, "Choisissez oui, non ou indifférent.");
                    yield null;
                }
            };
        }

        <T extends Comparable<T>> void ordre(T min, T max, String champ, String message) {
            if (min != null && max != null && max.compareTo(min) < 0) {
                erreurs.put(champ, message);
            }
        }
    }
}
