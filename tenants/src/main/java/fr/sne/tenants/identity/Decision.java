package fr.sne.tenants.identity;

/**
 * A policy's answer. {@code INTROUVABLE} when the target lies outside what the actor may even
 * know of (another territory): the API and pages answer 404, never revealing it exists.
 */
public enum Decision {
    AUTORISEE, REFUSEE, INTROUVABLE;

    public boolean autorisee() {
        return this == AUTORISEE;
    }
}
