package fr.sne.community.info;

import fr.sne.tenants.web.Formulaire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The authoring form as typed (strings, so that a wrong value comes back as it was typed).
 *
 * @param publication   "maintenant" or "programmee"
 * @param publicationLe a local date-time (Paris), {@code yyyy-MM-ddTHH:mm}, for a scheduled publication
 * @param version       the article's version the form was opened on (optimistic locking); null when new
 */
public record SaisieArticle(String titre, String resume, String type, List<String> themes, String audience,
                            String territoire, boolean important, String corps, String versionDocument, String dateDocument,
                            String publication, String publicationLe, String version) {

    public static final int TITRE_MAX = 300;
    public static final int RESUME_MAX = 1000;
    public static final int CORPS_MAX = 200_000;

    public SaisieArticle {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** From a posted form; repeated fields (themes) come as lists. */
    public static SaisieArticle de(Map<String, List<String>> form) {
        return new SaisieArticle(un(form, "titre"), un(form, "resume"), un(form, "type"), form.getOrDefault("themes", List.of()),
                un(form, "audience"), un(form, "territoire"), "true".equals(un(form, "important")), brut(form, "corps"),
                un(form, "versionDocument"), un(form, "dateDocument"), un(form, "publication"), un(form, "publicationLe"),
                un(form, "version"));
    }

    public static SaisieArticle vide(String type) {
        return new SaisieArticle(null, null, type, List.of(), null, null, false, "", null, null, "maintenant", null, null);
    }

    public static SaisieArticle de(Article a) {
        // only a scheduled date is the author's to change; a published article keeps its date
        String publicationLe = a.statut() != Statut.PROGRAMME ? null
                : LocalDateTime.ofInstant(a.publicationLe(), ArticleRepository.PARIS).withSecond(0).withNano(0).toString();
        return new SaisieArticle(a.titre(), a.resume(), a.type().name(), a.themes().stream().map(Theme::name).toList(),
                a.audience().name(), a.territoire(), a.important(), a.corpsMarkdown(), a.versionDocument(),
                a.dateDocument() == null ? null : a.dateDocument().toString(),
                a.statut() == Statut.PROGRAMME ? "programmee" : "maintenant", publicationLe, Integer.toString(a.version()));
    }

    public boolean programmee() {
        return "programmee".equals(publication);
    }

    /** The checked content; errors go to {@code erreurs} (the caller throws once all are known). */
    Contenu contenu(Formulaire erreurs, String corpsHtml) {
        String t = Formulaire.texte(titre);
        if (t == null) {
            erreurs.erreur("titre", "Saisissez le titre.");
        } else if (t.length() > TITRE_MAX) {
            erreurs.erreur("titre", "Le titre ne doit pas dépasser " + TITRE_MAX + " caractères.");
        }
        String r = Formulaire.texte(resume);
        if (r != null && r.length() > RESUME_MAX) {
            erreurs.erreur("resume", "Le résumé ne doit pas dépasser " + RESUME_MAX + " caractères.");
        }
        TypeContenu ty = TypeContenu.parCode(type);
        if (ty == null || ty == TypeContenu.TEXTE_REFERENCE) {
            erreurs.erreur("type", "Choisissez le type de contenu.");
        }
        List<Theme> th = new ArrayList<>();
        for (String code : themes) {
            Theme theme = Theme.parCode(code);
            if (theme == null) {
                erreurs.erreur("themes", "Thème inconnu.");
            } else if (!th.contains(theme)) {
                th.add(theme);
            }
        }
        Audience au = Audience.parCode(audience);
        String te = Formulaire.texte(territoire);
        if (au == null) {
            erreurs.erreur("audience", "Choisissez à qui s’adresse ce contenu.");
        } else if (au == Audience.TERRITOIRE && (te == null || !te.matches("[0-9]{3}"))) {
            erreurs.erreur("territoire", "Choisissez le territoire de cette page locale.");
        }
        String c = corps == null ? "" : corps;
        if (c.length() > CORPS_MAX) {
            erreurs.erreur("corps", "Le texte ne doit pas dépasser " + CORPS_MAX + " caractères.");
        }
        String v = Formulaire.texte(versionDocument);
        if (v != null && v.length() > 30) {
            erreurs.erreur("versionDocument", "La version ne doit pas dépasser 30 caractères.");
        }
        LocalDate d = null;
        if (Formulaire.texte(dateDocument) != null) {
            try {
                d = LocalDate.parse(dateDocument.strip());
            } catch (DateTimeParseException e) {
                erreurs.erreur("dateDocument", "Saisissez une date valide, au format jj/mm/aaaa.");
            }
        }
        return new Contenu(ty, t, r, c, corpsHtml, th, au, au == Audience.TERRITOIRE ? te : null, important, v, d);
    }

    /** The scheduled instant, checked to be after {@code maintenant}; null (and an error) otherwise. */
    Instant dateProgrammee(Formulaire erreurs, Instant maintenant) {
        String s = Formulaire.texte(publicationLe);
        if (s == null) {
            erreurs.erreur("publicationLe", "Saisissez la date et l’heure de publication.");
            return null;
        }
        try {
            Instant instant = LocalDateTime.parse(s).atZone(ArticleRepository.PARIS).toInstant();
            if (!instant.isAfter(maintenant)) {
                erreurs.erreur("publicationLe", "La date de publication programmée doit être dans le futur.");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            erreurs.erreur("publicationLe", "Saisissez une date et une heure valides.");
            return null;
        }
    }

    /** The version the form was opened on. */
    int versionAttendue() {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String un(Map<String, List<String>> form, String champ) {
        List<String> valeurs = form.get(champ);
        return valeurs == null || valeurs.isEmpty() ? null : valeurs.getFirst();
    }

    /** The body as typed, line breaks normalised (browsers post CRLF). */
    private static String brut(Map<String, List<String>> form, String champ) {
        String v = un(form, champ);
        return v == null ? "" : v.replace("\r\n", "\n");
    }
}
