package fr.sne.tenants.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem, French text for people, the shape every API error of the contract has.
 * {@code anomalies} lists field-level validation errors.
 */
@Serdeable
public record Probleme(String type, String title, int status, String detail, String instance,
                       List<Anomalie> anomalies) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field-level error: a stable code, the field's path, a French message. */
    @Serdeable
    public record Anomalie(String code, String champ, String message) {
    }

    public static Probleme of(HttpStatus status, String title, String detail) {
        return new Probleme("about:blank", title, status.getCode(), detail, null, List.of());
    }

    public MutableHttpResponse<Probleme> response() {
        return HttpResponse.<Probleme>status(HttpStatus.valueOf(status)).contentType(MEDIA_TYPE).body(this);
    }
}
