package fr.sne.devservices;

/** Where the embedded S3-compatible server listens and its credentials. */
public record ObjectStoreEndpoint(String url, String accessKey, String secretKey) {
}
