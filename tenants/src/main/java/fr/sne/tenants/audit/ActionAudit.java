package fr.sne.tenants.audit;

/** What can be done with the audit trail (nothing can change it). */
public enum ActionAudit { CONSULTER, EXPORTER }
