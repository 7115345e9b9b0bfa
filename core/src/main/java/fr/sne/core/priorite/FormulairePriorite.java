package fr.sne.core.priorite;

import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.web.Probleme;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desk's form of the priority data (on the application's panel, and again with its errors or
 * a conflict when a submission fails): the lists' options, the values and errors by field id.
 */
@Singleton
class FormulairePriorite {

    /** Field of the entry → id of its form control (or group). */
    static final Map<String, String> IDS = Map.of("statutDalo", "priorite-statutDalo", "dateDecisionDalo", "priorite-dateDecisionDalo",
            "dateFinDalo", "priorite-dateFinDalo", "categories", "priorite-categories", "labelsLocaux", "priorite-labelsLocaux",
            "contingents", "priorite-contingents");

    /** What a form shows in its fields (dates as yyyy-MM-dd for date inputs, labels one per line). */
    record Valeurs(String statutDalo, String dateDecisionDalo, String dateFinDalo, List<String> categories, String labels,
                   List<String> contingents) {

        static Valeurs de(Priorite p) {
            return new Valeurs(p.statutDalo(), texte(p.dateDecisionDalo()), texte(p.dateFinDalo()), p.categories(),
                    String.join("\n", p.labels()), p.contingents());
        }

        static Valeurs de(SaisiePriorite s) {
            return new Valeurs(s.statutDalo(), s.dateDecisionDalo(), s.dateFinDalo(), s.categoriesOuVide(),
                    String.join("\n", s.labelsOuVide()), s.contingentsOuVide());
        }

        private static String texte(LocalDate d) {
            return d == null ? "" : d.toString();
        }
    }

    private final ListesCodes codes;

    FormulairePriorite(ListesCodes codes) {
        this.codes = codes;
    }

    Map<String, Object> modele(String numero, int version, LocalDate aujourdhui, Valeurs valeurs, List<Probleme.Anomalie> anomalies) {
        Map<String, Object> f = new HashMap<>();
        f.put("action", "/pro/demandes/" + numero + "/priorite");
        f.put("version", version);
        f.put("max", aujourdhui.toString());
        f.put("statuts", codes.liste("statutDalo"));
        f.put("categories", codes.liste("categoriePrioritaire"));
        f.put("contingents", codes.liste("typeReservataire"));
        f.put("valeurs", valeurs);
        Map<String, String> erreurs = new LinkedHashMap<>();
        for (Probleme.Anomalie a : anomalies) {
            String champ = a.champ().contains("[") ? a.champ().substring(0, a.champ().indexOf('[')) : a.champ();
            erreurs.putIfAbsent(IDS.getOrDefault(champ, IDS.get("statutDalo")), a.message());
        }
        f.put("erreurs", erreurs);
        return f;
    }
}
