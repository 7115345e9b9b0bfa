package fr.sne.core.demande;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What searches and reports filter on, derived from the CERFA content and stored as indexed
 * columns next to the document.
 *
 * @param tailleMenage         applicant, co-holders, dependants, unborn children and children in shared custody
 * @param revenuFiscal         the household's taxable income of year N-2 (the reference for ceilings), when declared
 * @param ressourcesMensuelles monthly resources received minus those paid, whole household
 */
record Indicateurs(int tailleMenage, Integer revenuFiscal, int ressourcesMensuelles, List<String> typesLogement,
                   String statutDalo, boolean prioritaire, boolean handicap) {

    static Indicateurs de(DemandeJson.Contenu c) {
        int taille = 1 + c.cotitulairesOuVide().size() + c.personnesAChargeOuVide().size()
                + (c.enfantsANaitre() == null || c.enfantsANaitre().nombre() == null ? 0 : c.enfantsANaitre().nombre())
                + (int) c.personnesEnGardeOuVide().stream().filter(p -> p != null && "G".equals(p.coParentalite())).count();
        DemandeJson.Demandeur d = c.demandeur();
        List<Integer> rfr = Stream.concat(Stream.of(d.revenuFiscal()), c.cotitulairesOuVide().stream().map(DemandeJson.Cotitulaire::revenuFiscal))
                .filter(Objects::nonNull).map(DemandeJson.RevenuFiscal::montantMoins2).filter(Objects::nonNull).toList();
        int recues = somme(d.ressourcesRecues()) + somme(d.ressourcesRecuesPersonnesACharge())
                + c.cotitulairesOuVide().stream().mapToInt(p -> somme(p.ressourcesRecues())).sum();
        int versees = somme(d.ressourcesVersees()) + somme(d.ressourcesVerseesPersonnesACharge())
                + c.cotitulairesOuVide().stream().mapToInt(p -> somme(p.ressourcesVersees())).sum();
        DemandeJson.LogementRecherche l = c.logementRecherche();
        DemandeJson.Priorite p = c.priorite();
        String dalo = p == null ? null : p.statutDalo();
        boolean prioritaire = p != null && ((p.categories() != null && !p.categories().isEmpty())
                || "ACTIF".equals(dalo));
        return new Indicateurs(Math.min(taille, Short.MAX_VALUE), rfr.isEmpty() ? null : rfr.stream().mapToInt(Integer::intValue).sum(),
                recues - versees, l == null || l.typesLogement() == null ? List.of() : l.typesLogement(), dalo, prioritaire,
                c.handicap() != null);
    }

    private static int somme(List<DemandeJson.Ressource> ressources) {
        return ressources == null ? 0
                : ressources.stream().filter(r -> r != null && r.montant() != null).mapToInt(DemandeJson.Ressource::montant).sum();
    }
}
