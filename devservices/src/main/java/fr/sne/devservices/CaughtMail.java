package fr.sne.devservices;

import java.time.Instant;

/** A mail caught by the embedded SMTP server. */
public record CaughtMail(int id, String from, String to, String subject, Instant sentAt, String body) {
}
