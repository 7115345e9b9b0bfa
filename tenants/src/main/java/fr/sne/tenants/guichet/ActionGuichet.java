package fr.sne.tenants.guichet;

/** What can be done with desks. */
public enum ActionGuichet { CONSULTER, CREER, MODIFIER, DESACTIVER }
