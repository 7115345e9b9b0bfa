package fr.sne.tenants.audit;

/** The kinds of audited events (column {@code audit.action}). */
public enum TypeAction { LECTURE, CREATION, MODIFICATION, SUPPRESSION, EXPORT, CONNEXION, REFUS }
