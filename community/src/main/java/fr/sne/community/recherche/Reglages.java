package fr.sne.community.recherche;

/**
 * How relevance is weighed (tuned on the relevance harness of {@code bench}).
 *
 * @param boostTitre  weight of a match in the title against one in the text
 * @param departage   tie-breaker of the title/text disjunction (0: best field only, 1: sum)
 * @param proximite   weight of the words found close together (sloppy phrase), 0 to ignore
 * @param ecart       how far apart (in positions) the words still count as close
 * @param delaiMs     longest time a search may take before it returns what it found so far
 */
public record Reglages(float boostTitre, float departage, float proximite, int ecart, long delaiMs) {

    public static Reglages parDefaut() {
        return new Reglages(3f, 0.3f, 1f, 6, 1_000);
    }
}
