package fr.sne.core.priorite;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The priority data the territory's professionals share about an application: the DALO status
 * with its dates, the L441-1 priority categories retained, local labels, the contingents the
 * household is eligible for. Version 0: nothing recorded yet (the defaults).
 *
 * @param dateFinDalo the caducité (CADUC) or rehousing (ACTREL) date
 * @param guichet     the desk of the last change; null for the territory's management or nothing recorded
 */
public record Priorite(String territoire, String numeroUnique, String statutDalo, LocalDate dateDecisionDalo,
                       LocalDate dateFinDalo, List<String> categories, List<String> labels, List<String> contingents,
                       int version, String guichet, String guichetNom, Instant modifieLe) {

    public Priorite {
        categories = List.copyOf(categories);
        labels = List.copyOf(labels);
        contingents = List.copyOf(contingents);
    }

    /** Nothing recorded yet. */
    static Priorite vide(String territoire, String numero) {
        return new Priorite(territoire, numero, "NON", null, null, List.of(), List.of(), List.of(), 0, null, null, null);
    }

    public boolean enregistree() {
        return version > 0;
    }

    /** Who changed them last, as a person reads it. */
    public String modifiePar() {
        if (!enregistree()) {
            return null;
        }
        if (guichet == null) {
            return "Gestionnaire territorial";
        }
        return guichetNom == null ? guichet : guichetNom + " (" + guichet + ")";
    }
}
