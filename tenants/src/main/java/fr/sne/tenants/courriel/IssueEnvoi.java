package fr.sne.tenants.courriel;

/**
 * How sending a mail ended. {@link Refuse}: the server refused the recipient for good (an SMTP
 * 5xx answer to the recipient, or an address that cannot be one): retrying is pointless.
 * {@link Echec}: anything else (server unreachable, 4xx, no server configured): worth retrying.
 */
public sealed interface IssueEnvoi {

    record Envoye(String messageId) implements IssueEnvoi {
    }

    record Refuse(String diagnostic) implements IssueEnvoi {
    }

    record Echec(String diagnostic) implements IssueEnvoi {
    }
}
