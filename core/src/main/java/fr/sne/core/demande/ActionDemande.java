package fr.sne.core.demande;

/** What can be done with applications (more come with the lifecycle issue). */
public enum ActionDemande { CREER, CONSULTER, MODIFIER }
