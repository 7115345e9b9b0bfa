package fr.sne.tenants.apiclient;

/** What can be done with API clients. */
public enum ActionClientApi { CONSULTER, CREER, DESACTIVER }
