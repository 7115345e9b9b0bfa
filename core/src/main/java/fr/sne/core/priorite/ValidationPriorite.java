package fr.sne.core.priorite;

import fr.sne.core.evenement.SaisieInvalide;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.web.Probleme;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of priority data, every anomaly at once, each naming its field: a DALO status of the
 * list with the dates it needs (a decision for ACTIF, CADUC and ACTREL; an end for CADUC and
 * ACTREL; none for NON), no date after today, codes from the lists the CERFA model uses
 * (categories: {@code categoriePrioritaire}; contingents: {@code typeReservataire}, "AUCUN" alone).
 */
@Singleton
class ValidationPriorite {

    static final Set<String> STATUTS = Set.of("NON", "ACTIF", "CADUC", "ACTREL");
    static final int LABELS_MAX = 10;
    static final int LABEL_LONGUEUR_MAX = 100;
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** Checked data, ready to be written. */
    record Valide(String statutDalo, LocalDate dateDecisionDalo, LocalDate dateFinDalo, List<String> categories,
                  List<String> labels, List<String> contingents) {
    }

    private final ListesCodes codes;

    ValidationPriorite(ListesCodes codes) {
        this.codes = codes;
    }

    Valide valider(SaisiePriorite s, LocalDate aujourdhui) {
        List<Probleme.Anomalie> a = new ArrayList<>();
        String statut = s.statutDalo() == null || s.statutDalo().isBlank() ? null : s.statutDalo().strip();
        if (statut == null) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "statutDalo", "Choisissez le statut DALO (« Non » sans décision)."));
        } else if (!STATUTS.contains(statut)) {
            a.add(new Probleme.Anomalie("CODE_INCONNU", "statutDalo", "Statut DALO inconnu : NON, ACTIF, CADUC ou ACTREL."));
            statut = null;
        }
        LocalDate decision = date(s.dateDecisionDalo(), "dateDecisionDalo", "La date de la décision DALO", aujourdhui, a);
        LocalDate fin = date(s.dateFinDalo(), "dateFinDalo", "La date de fin", aujourdhui, a);
        if (statut != null) {
            boolean decisionAttendue = !"NON".equals(statut);
            boolean finAttendue = "CADUC".equals(statut) || "ACTREL".equals(statut);
            if (decisionAttendue && decision == null && vide(s.dateDecisionDalo())) {
                a.add(new Probleme.Anomalie("OBLIGATOIRE", "dateDecisionDalo", "Indiquez la date de la décision de la commission DALO."));
            }
            if (!decisionAttendue && !vide(s.dateDecisionDalo())) {
                a.add(new Probleme.Anomalie("INATTENDU", "dateDecisionDalo", "Sans décision DALO (statut « Non »), laissez la date de décision vide."));
            }
            if (finAttendue && fin == null && vide(s.dateFinDalo())) {
                a.add(new Probleme.Anomalie("OBLIGATOIRE", "dateFinDalo", "CADUC".equals(statut)
                        ? "Indiquez la date de caducité de la décision DALO." : "Indiquez la date du relogement."));
            }
            if (!finAttendue && !vide(s.dateFinDalo())) {
                a.add(new Probleme.Anomalie("INATTENDU", "dateFinDalo",
                        "La date de fin ne se renseigne que pour une décision caduque ou un demandeur relogé."));
            }
        }
        if (decision != null && fin != null && fin.isBefore(decision)) {
            a.add(new Probleme.Anomalie("DATES_INCOHERENTES", "dateFinDalo", "La date de fin précède la date de la décision DALO."));
        }
        List<String> categories = liste(s.categoriesOuVide(), "categoriePrioritaire", "categories", "Catégorie prioritaire", a);
        List<String> contingents = liste(s.contingentsOuVide(), "typeReservataire", "contingents", "Contingent", a);
        if (contingents.contains("AUCUN") && contingents.size() > 1) {
            a.add(new Probleme.Anomalie("AUCUN_EXCLUSIF", "contingents",
                    "« Hors contingent » (AUCUN) exclut les autres contingents : décochez l’un ou les autres."));
        }
        List<String> labels = labels(s.labelsOuVide(), a);
        if (!a.isEmpty()) {
            throw new SaisieInvalide(a);
        }
        return new Valide(statut, "NON".equals(statut) ? null : decision, fin, categories, labels, contingents);
    }

    private static boolean vide(String texte) {
        return texte == null || texte.isBlank();
    }

    private static LocalDate date(String saisie, String champ, String libelle, LocalDate aujourdhui, List<Probleme.Anomalie> a) {
        if (vide(saisie)) {
            return null;
        }
        String texte = saisie.strip();
        LocalDate d;
        try {
            d = texte.contains("/") ? LocalDate.parse(texte, JOUR) : LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            a.add(new Probleme.Anomalie("FORMAT", champ, libelle + " doit être une date existante, au format jj/mm/aaaa (AAAA-MM-JJ dans l’API)."));
            return null;
        }
        if (d.isAfter(aujourdhui)) {
            a.add(new Probleme.Anomalie("DATE_FUTURE", champ, libelle + " ne peut pas être postérieure à aujourd’hui."));
            return null;
        }
        return d;
    }

    /** Codes of a list, each once, in the list's order as given. */
    private List<String> liste(List<String> valeurs, String liste, String champ, String libelle, List<Probleme.Anomalie> a) {
        List<String> retenus = new ArrayList<>();
        for (int i = 0; i < valeurs.size(); i++) {
            String v = valeurs.get(i) == null ? null : valeurs.get(i).strip();
            if (v == null || v.isEmpty()) {
                continue;
            }
            if (!codes.existe(liste, v)) {
                a.add(new Probleme.Anomalie("CODE_INCONNU", champ + "[" + i + "]", libelle + " inconnu(e) : " + abrege(v) + "."));
            } else if (retenus.contains(v)) {
                a.add(new Probleme.Anomalie("EN_DOUBLE", champ + "[" + i + "]", libelle + " déjà indiqué(e) : " + v + "."));
            } else {
                retenus.add(v);
            }
        }
        return retenus;
    }

    private static List<String> labels(List<String> valeurs, List<Probleme.Anomalie> a) {
        List<String> labels = new ArrayList<>();
        Set<String> vus = new HashSet<>();
        for (int i = 0; i < valeurs.size(); i++) {
            String v = valeurs.get(i) == null ? "" : valeurs.get(i).replaceAll("\\p{Cc}", " ").strip();
            if (v.isEmpty()) {
                continue;
            }
            if (v.length() > LABEL_LONGUEUR_MAX) {
                a.add(new Probleme.Anomalie("LONGUEUR", "labelsLocaux[" + i + "]", "Un label compte au plus 100 caractères."));
            } else if (!vus.add(v.toLowerCase(Locale.ROOT))) {
                a.add(new Probleme.Anomalie("EN_DOUBLE", "labelsLocaux[" + i + "]", "Label déjà indiqué : " + v + "."));
            } else {
                labels.add(v);
            }
        }
        if (labels.size() > LABELS_MAX) {
            a.add(new Probleme.Anomalie("TROP_NOMBREUX", "labelsLocaux", "10 labels locaux au plus."));
        }
        return labels;
    }

    private static String abrege(String code) {
        return code.length() > 20 ? code.substring(0, 20) + "…" : code;
    }
}
