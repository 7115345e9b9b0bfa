package fr.sne.tenants.territoire;

/** What can be done with territories. */
public enum ActionTerritoire { CONSULTER, MODIFIER }
