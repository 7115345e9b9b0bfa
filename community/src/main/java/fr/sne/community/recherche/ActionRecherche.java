package fr.sne.community.recherche;

/** What {@link RecherchePolicy} decides about the search engine's administration. */
public enum ActionRecherche {
    /** See the index's state and its rebuilds. */
    CONSULTER_INDEX,
    /** Ask for a full rebuild. */
    RECONSTRUIRE
}
