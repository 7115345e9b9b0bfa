package fr.sne.core.antifraude;

import java.time.Instant;

/**
 * A desk's change of one person's birth name and/or first names on an application, as recorded:
 * applied at once when minor, else waiting for a decision.
 *
 * @param personne              {@code demandeur} or {@code cotitulaires[i]}
 * @param guichet               the desk that asked (null: a territorial manager)
 * @param demandeParUtilisateur the person who asked (null: a desk's software through the API)
 * @param demandeParLibelle     who asked, for professionals only (names the agent)
 * @param decideParGuichet      the deciding manager's desk (null: the territorial manager)
 */
public record ChangementNom(String territoire, long id, String numeroUnique, String personne,
                            String nomAvant, String prenomsAvant, String nomApres, String prenomsApres,
                            boolean mineur, Statut statut, String guichet, String guichetNom,
                            String demandePar, Long demandeParUtilisateur, String demandeParLibelle, Instant demandeLe,
                            int versionDemande, String decideParLibelle, String decideParGuichet, Instant decideLe,
                            String motifRefus, Integer versionAppliquee) {

    /** Where a change stands. */
    public enum Statut {
        APPLIQUE("Appliqué"), EN_ATTENTE("En attente de validation"), VALIDE("Validé"), REFUSE("Refusé");

        private final String libelle;

        Statut(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    /** "Demandeur", "Cotitulaire 1"… */
    public String libellePersonne() {
        return libellePersonne(personne);
    }

    static String libellePersonne(String personne) {
        if ("demandeur".equals(personne)) {
            return "Demandeur";
        }
        return "Cotitulaire " + (Integer.parseInt(personne.replaceAll("\\D", "")) + 1);
    }

    /** The names before, as a person reads them: "DUPONT Jean". */
    public String avant() {
        return nomComplet(nomAvant, prenomsAvant);
    }

    public String apres() {
        return nomComplet(nomApres, prenomsApres);
    }

    /** The requesting desk as professionals read it: "ACTIS (38001)", or the territorial manager. */
    public String libelleGuichet() {
        if (guichet == null) {
            return "Gestionnaire territorial";
        }
        return guichetNom == null ? guichet : guichetNom + " (" + guichet + ")";
    }

    static String nomComplet(String nom, String prenoms) {
        String n = nom == null ? "" : nom.strip();
        String p = prenoms == null ? "" : prenoms.strip();
        String complet = (n + " " + p).strip();
        return complet.isEmpty() ? "(vide)" : complet;
    }
}
