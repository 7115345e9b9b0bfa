package fr.sne.tenants.habilitation;

/** What can be done with habilitations. */
public enum ActionHabilitation { DEMANDER, CONSULTER, CERTIFIER, SUSPENDRE, REVOQUER, REACTIVER, REVUE }
