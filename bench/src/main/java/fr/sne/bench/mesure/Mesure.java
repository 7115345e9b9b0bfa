package fr.sne.bench.mesure;

/**
 * One figure of the report: the product's, the baseline's measured in the same run (null when
 * there is none) and the goal of issue #11 it is held to (null when none).
 *
 * @param reference what the baseline is, in a few words (e.g. "COPY … TO STDOUT")
 */
public record Mesure(String scenario, String indicateur, String unite, double produit, Double valeurReference,
                     String reference, Objectif objectif) {

    /** A goal: at least or at most a threshold, in the measure's unit. */
    public record Objectif(String libelle, double seuil, boolean auMoins) {

        public static Objectif auMoins(double seuil, String libelle) {
            return new Objectif(libelle, seuil, true);
        }

        public static Objectif auPlus(double seuil, String libelle) {
            return new Objectif(libelle, seuil, false);
        }

        boolean atteint(double valeur) {
            return auMoins ? valeur >= seuil : valeur <= seuil;
        }
    }

    public static Mesure de(String scenario, String indicateur, String unite, double produit, Double valeurReference,
                            String reference, Objectif objectif) {
        return new Mesure(scenario, indicateur, unite, produit, valeurReference, reference, objectif);
    }

    /** Product / baseline, or null without a baseline. */
    public Double ratio() {
        return valeurReference == null || valeurReference == 0 ? null : produit / valeurReference;
    }

    /** Whether the goal is met, or null without a goal. */
    public Boolean atteint() {
        return objectif == null ? null : objectif.atteint(produit);
    }
}
