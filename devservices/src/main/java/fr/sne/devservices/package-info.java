/**
 * Embedded development and test services: PostgreSQL (zonky), an S3-compatible store (S3Proxy),
 * an OpenID Connect provider (mock-oauth2-server) and an SMTP server (GreenMail), plus the demo
 * data of the contract. Used by the application's default (unconfigured) run and by every
 * module's integration tests; never by production code paths.
 */
package fr.sne.devservices;
