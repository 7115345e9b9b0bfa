package fr.sne.tenants.audit;

import java.time.LocalDate;
import java.util.Map;

/** Search criteria of the audit page; every field optional. */
public record FiltreAudit(LocalDate du, LocalDate au, TypeAction action, String objetType, String acteur) {

    /** Reads the page's query parameters, ignoring what does not parse (reported by {@code erreurs}). */
    public static FiltreAudit de(Map<String, String> params, Map<String, String> erreurs) {
        return new FiltreAudit(date(params.get("du"), "du", erreurs), date(params.get("au"), "au", erreurs),
                action(params.get("action"), erreurs), fr.sne.tenants.web.Formulaire.texte(params.get("objet")), fr.sne.tenants.web.Formulaire.texte(params.get("acteur")));
    }

    private static LocalDate date(String value, String champ, Map<String, String> erreurs) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (java.time.format.DateTimeFormatter format : new java.time.format.DateTimeFormatter[] {
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")}) {
            try {
                return LocalDate.parse(value.strip(), format);
            } catch (java.time.format.DateTimeParseException e) {
                // try the next format
            }
        }
        erreurs.put(champ, "Date invalide : utilisez le format jj/mm/aaaa.");
        return null;
    }

    private static TypeAction action(String value, Map<String, String> erreurs) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TypeAction.valueOf(value);
        } catch (IllegalArgumentException e) {
            erreurs.put("action", "Type d’action inconnu.");
            return null;
        }
    }

}
