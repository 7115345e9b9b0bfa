package fr.sne.core.antifraude;

/** What can be done with desks' changes of names. */
public enum ActionChangementNom {
    /** See an application's changes of names (its panel, a change's page). */
    CONSULTER,
    /** Validate or refuse a pending change. */
    DECIDER,
    /** The territory's monitoring of changes per desk, its drill-down and exports. */
    SURVEILLER
}
