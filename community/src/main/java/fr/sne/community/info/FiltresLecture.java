package fr.sne.community.info;

import io.micronaut.http.HttpParameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A list page's filters as typed in its query string: unknown values are ignored, a malformed date
 * is reported next to its field and not applied.
 *
 * @param saisie  the values to show back in the form
 * @param erreurs field → French message
 */
record FiltresLecture(CriteresLecture criteres, Map<String, String> saisie, Map<String, String> erreurs) {

    static final int TAILLE_PAGE = 10;

    static FiltresLecture lire(HttpParameters p, Rubrique rubrique, Lecteur lecteur, int taille, CriteresLecture.Ordre ordre) {
        Map<String, String> saisie = new LinkedHashMap<>();
        Map<String, String> erreurs = new LinkedHashMap<>();
        Set<TypeContenu> types = EnumSet.copyOf(TypeContenu.de(rubrique));
        TypeContenu type = TypeContenu.parCode(p.get("type"));
        if (type != null && types.contains(type)) {
            types = EnumSet.of(type);
            saisie.put("type", type.name());
        }
        Theme theme = Theme.parCode(p.get("theme"));
        if (theme != null) {
            saisie.put("theme", theme.name());
        }
        LocalDate du = date(p, "du", saisie, erreurs);
        LocalDate au = date(p, "au", saisie, erreurs);
        if (du != null && au != null && au.isBefore(du)) {
            erreurs.put("au", "La date de fin doit être postérieure à la date de début.");
            au = null;
        }
        Audience audience = Audience.parCode(p.get("audience"));
        if (audience != null && lecteur.professionnel()) {
            saisie.put("audience", audience.name());
        } else {
            audience = null;
        }
        String code = p.get("code");
        if (code != null && code.matches("[A-Z]{1,10}")) {
            saisie.put("code", code);
        } else {
            code = null;
        }
        int page = 1;
        try {
            page = Math.max(1, Math.min(100_000, Integer.parseInt(p.get("page", String.class, "1"))));
        } catch (NumberFormatException e) {
            // a mistyped page number shows the first page
        }
        return new FiltresLecture(new CriteresLecture(types, theme, du, au, audience, code, page, taille, ordre), saisie, erreurs);
    }

    private static LocalDate date(HttpParameters p, String champ, Map<String, String> saisie, Map<String, String> erreurs) {
        String v = p.get(champ);
        if (v == null || v.isBlank()) {
            return null;
        }
        saisie.put(champ, v.strip());
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            erreurs.put(champ, "Saisissez une date valide, au format jj/mm/aaaa.");
            return null;
        }
    }

    /** The list's address with these filters, at another page. */
    String url(String chemin, int page) {
        StringJoiner q = new StringJoiner("&");
        saisie.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (page > 1) {
            q.add("page=" + page);
        }
        return q.length() == 0 ? chemin : chemin + "?" + q;
    }

    boolean filtre() {
        return !saisie.isEmpty();
    }
}
