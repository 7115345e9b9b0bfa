package fr.sne.tenants.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** A refusal whose French message is meant for the person (shown on the error page and in problem details). */
public final class Refus extends HttpStatusException {

    public Refus(HttpStatus status, String message) {
        super(status, message);
    }
}
