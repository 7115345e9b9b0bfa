package fr.sne.core.demande;

/**
 * Published inside the registering transaction, once the application is written: listeners
 * (the attestation's outbox) write in the same transaction, so both commit or neither does.
 * Micronaut delivers it synchronously, on the registering thread.
 */
public record DemandeEnregistree(String territoire, String numeroUnique, String guichet, DemandeJson.Demandeur demandeur) {
}
