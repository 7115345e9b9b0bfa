package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.TypeEvenement;
import fr.sne.tenants.web.Probleme;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.sne.core.journal.CatalogueEvenements.*;

/**
 * The desk's form to add an event (on the application's panel, and again with its errors when a
 * submission fails): the desk's kinds grouped as the processing goes, the field ids and values.
 */
@Singleton
class FormulaireEvenement {

    /** Field of the entry → id of its form control. */
    static final Map<String, String> IDS = Map.of("type", "evenement-type", "dateSurvenance", "evenement-date",
            "commentaire", "evenement-commentaire");

    /** One group of the kinds' list. */
    record Groupe(String libelle, List<Option> options) {
    }

    /** One kind as the list offers it. */
    record Option(String code, String libelle) {
    }

    private static final List<Map.Entry<String, List<String>>> GROUPES = List.of(
            Map.entry("Instruction de la demande", List.of(DEMANDE_PIECES, AVERTISSEMENT_RADIATION, NOTE_INTERNE)),
            Map.entry("Commission d’attribution", List.of(DESIGNATION_CAL, ORDRE_DU_JOUR_CAL, EXAMEN_CAL)),
            Map.entry("Visites", List.of(VISITE_PROPOSEE, VISITE_EFFECTUEE)),
            Map.entry("Décisions de la commission", List.of(ATTRIBUTION, ATTRIBUTION_RANG, ATTRIBUTION_CONDITION_SUSPENSIVE,
                    NON_ATTRIBUTION, IRRECEVABILITE)),
            Map.entry("Suites de l’attribution", List.of(REFUS_DEMANDEUR, SIGNATURE_BAIL)));

    private final CatalogueEvenements catalogue;

    FormulaireEvenement(CatalogueEvenements catalogue) {
        this.catalogue = catalogue;
    }

    /** The desk's kinds in their groups; a kind no group names (added later) comes last, under "Autres". */
    List<Groupe> groupes() {
        List<Groupe> groupes = new ArrayList<>();
        Set<String> ranges = GROUPES.stream().flatMap(g -> g.getValue().stream()).collect(Collectors.toSet());
        for (Map.Entry<String, List<String>> g : GROUPES) {
            groupes.add(new Groupe(g.getKey(), g.getValue().stream().map(catalogue::type).flatMap(java.util.Optional::stream)
                    .filter(t -> t.origine() == TypeEvenement.Origine.GUICHET).map(FormulaireEvenement::option).toList()));
        }
        List<Option> autres = catalogue.typesGuichet().stream().filter(t -> !ranges.contains(t.code()))
                .map(FormulaireEvenement::option).toList();
        if (!autres.isEmpty()) {
            groupes.add(new Groupe("Autres", autres));
        }
        return groupes;
    }

    /** The form's model: action, kinds, latest date allowed, values typed and errors by field id. */
    Map<String, Object> modele(String numero, LocalDate aujourdhui, Map<String, String> valeurs, List<Probleme.Anomalie> anomalies) {
        Map<String, Object> m = new HashMap<>();
        m.put("action", "/pro/demandes/" + numero + "/evenements");
        m.put("groupes", groupes());
        m.put("max", aujourdhui.toString());
        m.put("valeurs", valeurs);
        Map<String, String> erreurs = new LinkedHashMap<>();
        for (Probleme.Anomalie a : anomalies) {
            erreurs.putIfAbsent(IDS.getOrDefault(a.champ(), IDS.get("type")), a.message());
        }
        m.put("erreurs", erreurs);
        return m;
    }

    private static Option option(TypeEvenement t) {
        String precision = !t.visibleDemandeur() ? " (professionnels seulement)" : t.reglementaire() ? " (réglementaire)" : "";
        return new Option(t.code(), t.libelle() + precision);
    }
}
