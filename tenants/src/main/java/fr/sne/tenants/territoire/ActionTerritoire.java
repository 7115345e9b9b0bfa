package fr.sne.tenants.territoire;

/**
 * What can be done with territories: {@code MODIFIER} every setting; {@code OUVRIR_EVENEMENTS} only
 * whether applicants see regulatory events on the portal (gestion partagée).
 */
public enum ActionTerritoire { CONSULTER, MODIFIER, OUVRIR_EVENEMENTS }
