package fr.sne.community.assistance.web;

import fr.sne.community.assistance.ApplicationAssistee;
import fr.sne.community.assistance.Priorite;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.ThemeAssistance;
import fr.sne.community.assistance.sla.CalendrierOuvre;
import fr.sne.community.assistance.type.TypeAssistance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every support page's model holds, and small helpers of the controllers. */
final class PagesAssistance {

    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(CalendrierOuvre.PARIS);

    private PagesAssistance() {
    }

    static Map<String, Object> modele() {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "communaute");
        model.put("statuts", options(Arrays.stream(StatutTicket.values()).map(s -> Map.entry(s.name(), s.libelle())).toList()));
        model.put("priorites", options(Arrays.stream(Priorite.values()).map(p -> Map.entry(p.name(), p.libelle())).toList()));
        model.put("applications", options(Arrays.stream(ApplicationAssistee.values()).map(a -> Map.entry(a.name(), a.libelle())).toList()));
        model.put("themes", options(Arrays.stream(ThemeAssistance.values()).map(t -> Map.entry(t.name(), t.libelle())).toList()));
        model.put("dates", new Dates());
        return model;
    }

    static Map<String, String> options(List<Map.Entry<String, String>> entrees) {
        Map<String, String> options = new LinkedHashMap<>();
        entrees.forEach(e -> options.put(e.getKey(), e.getValue()));
        return options;
    }

    /** The request types grouped by application, for an {@code optgroup} list. */
    static Map<String, List<TypeAssistance>> typesParApplication(List<TypeAssistance> types) {
        Map<String, List<TypeAssistance>> groupes = new LinkedHashMap<>();
        for (TypeAssistance t : types) {
            groupes.computeIfAbsent(t.application().libelle(), k -> new ArrayList<>()).add(t);
        }
        return groupes;
    }

    /** Formats instants for the templates, in Paris time. */
    static final class Dates {
        public String heure(Instant i) {
            return i == null ? "" : HEURE.format(i);
        }
    }

    static String premier(Map<String, Object> form, String champ) {
        Object v = form.get(champ);
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.valueOf(l.getFirst());
        }
        return v == null ? null : String.valueOf(v);
    }

    static List<String> tous(Map<String, Object> form, String champ) {
        Object v = form.get(champ);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    static String encoder(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    static Long entier(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
