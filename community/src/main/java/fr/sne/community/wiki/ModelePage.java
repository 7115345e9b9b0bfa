package fr.sne.community.wiki;

import java.util.Arrays;
import java.util.Optional;

/** Page templates: the Markdown skeleton a new page starts from. */
public enum ModelePage {
    VIERGE("Page vierge", ""),
    FICHE_REGLEMENTAIRE("Fiche réglementaire", """
            ## Objet

            ## Textes de référence

            - Code de la construction et de l’habitation, article …

            ## Ce qu’il faut retenir

            ## Application dans le SNE

            ## Questions fréquentes

            ## Mise à jour
            Fiche vérifiée le … par …
            """),
    JURISPRUDENCE("Jurisprudence", """
            ## Décision
            Juridiction, date, numéro :

            ## Faits

            ## Question posée

            ## Solution retenue

            ## Portée pour les guichets et les gestionnaires

            ## Références
            """),
    MODE_OPERATOIRE("Mode opératoire", """
            ## Objectif

            ## Prérequis
            - Habilitation nécessaire :

            ## Étapes
            1. 
            2. 
            3. 

            ## Points de vigilance

            ## En cas de problème
            """);

    private final String libelle;
    private final String squelette;

    ModelePage(String libelle, String squelette) {
        this.libelle = libelle;
        this.squelette = squelette;
    }

    public String libelle() {
        return libelle;
    }

    public String squelette() {
        return squelette;
    }

    public String code() {
        return name();
    }

    static Optional<ModelePage> parCode(String code) {
        return Arrays.stream(values()).filter(m -> m.name().equals(code)).findFirst();
    }
}
