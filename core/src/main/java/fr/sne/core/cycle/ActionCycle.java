package fr.sne.core.cycle;

/** What can be done in the life of an application. */
public enum ActionCycle { RENOUVELER, RADIER, DERADIER }
