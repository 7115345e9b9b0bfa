package fr.sne.core.piece;

/** Where the analysis job is with a document. */
public enum StatutAnalyse {
    EN_ATTENTE("Analyse en attente"),
    EN_COURS("Analyse en cours"),
    TERMINEE("Analysée"),
    ECHEC("Analyse impossible");

    private final String libelle;

    StatutAnalyse(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    /** Nothing more will happen to it by itself. */
    public boolean finale() {
        return this == TERMINEE || this == ECHEC;
    }
}
