package fr.sne.core.enligne;

/** What can be done with online applications. */
public enum ActionEnLigne { DEPOSER, LISTER, EXAMINER, VALIDER, REFUSER }
