package fr.sne.devservices;

/** Where the embedded PostgreSQL listens and the two roles the application uses. */
public record DatabaseEndpoint(String jdbcUrl, String ownerUser, String ownerPassword,
                               String appUser, String appPassword) {
}
