package fr.sne.core.recherche;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total    matching applications, counted up to {@code plafond}
 * @param communes names of the communes shown (INSEE code → name)
 */
public record Resultats(List<LigneDemande> lignes, long total, long plafond, int page, int parPage,
                        Map<String, String> communes) {

    public Resultats {
        lignes = List.copyOf(lignes);
        communes = Map.copyOf(communes);
    }

    public boolean isTotalPlafonne() {
        return total >= plafond;
    }

    /** The wanted communes of a row by name ("Grenoble, Saint-Égrève"), codes when unknown. */
    public String communesDe(LigneDemande ligne) {
        return String.join(", ", ligne.communesSouhaitees().stream().map(c -> communes.getOrDefault(c, c)).toList());
    }

    public int getPages() {
        return (int) Math.max(1, (total + parPage - 1) / parPage);
    }
}
