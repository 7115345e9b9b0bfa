package fr.sne.core.recherche;

/** What can be done when finding applications. */
public enum ActionRecherche { RECHERCHER, EXPORTER, FICHE }
