package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The indicators derived from an application's dates and shared history, shown on its page and
 * offered as search filters. One definition each, used by both (the search writes the same rule
 * in SQL: see {@code fr.sne.core.recherche.Requete}).
 */
public final class IndicateursDerives {

    /** An application is flagged this many months before its delay is reached. */
    public static final int PREAVIS_MOIS = 3;
    /** Attributions "under condition": ranked behind better-placed candidates, or under a suspensive condition. */
    public static final List<String> ATTRIBUTIONS_SOUS_CONDITION = List.of(CatalogueEvenements.ATTRIBUTION_RANG,
            CatalogueEvenements.ATTRIBUTION_CONDITION_SUSPENSIVE);
    /** From this many conditional attributions never followed by a lease, the application is flagged. */
    public static final int ATTRIBUTIONS_MULTIPLES = 2;

    private static final Set<String> SOUS_CONDITION = Set.copyOf(ATTRIBUTIONS_SOUS_CONDITION);

    private IndicateursDerives() {
    }

    /**
     * "Délai anormalement long": the latest filing date of an application whose age has reached the
     * territory's delay ({@code delaiMois}, set by the préfet) or will within {@link #PREAVIS_MOIS} months.
     */
    public static LocalDate depotLimite(LocalDate aujourdhui, int delaiMois) {
        return aujourdhui.plusMonths(PREAVIS_MOIS).minusMonths(delaiMois);
    }

    public static boolean delaiAnormalementLong(LocalDate dateDepot, LocalDate aujourdhui, int delaiMois) {
        return !dateDepot.isAfter(depotLimite(aujourdhui, delaiMois));
    }

    /** The day the application's age reaches (or reached) the delay. */
    public static LocalDate delaiAtteintLe(LocalDate dateDepot, int delaiMois) {
        return dateDepot.plusMonths(delaiMois);
    }

    /**
     * The conditional attributions ({@link #ATTRIBUTIONS_SOUS_CONDITION}) that no lease signature
     * followed: not deleted, and dated after the last non-deleted lease signature (a lease signed
     * the same day follows the attribution).
     */
    public static long attributionsSousConditionSansBail(Collection<Evenement> evenements) {
        LocalDate dernierBail = evenements.stream()
                .filter(e -> !e.supprime() && CatalogueEvenements.SIGNATURE_BAIL.equals(e.code()))
                .map(Evenement::dateSurvenance).max(LocalDate::compareTo).orElse(null);
        return evenements.stream()
                .filter(e -> !e.supprime() && SOUS_CONDITION.contains(e.code()))
                .filter(e -> dernierBail == null || e.dateSurvenance().isAfter(dernierBail))
                .count();
    }

    /** "Multiples attributions sous conditions": at least {@link #ATTRIBUTIONS_MULTIPLES} of them without a lease. */
    public static boolean attributionsMultiples(Collection<Evenement> evenements) {
        return attributionsSousConditionSansBail(evenements) >= ATTRIBUTIONS_MULTIPLES;
    }
}
