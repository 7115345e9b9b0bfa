/** Territories, identity, habilitations, tenancy (row-level security) and the audit trail. */
package fr.sne.tenants;
