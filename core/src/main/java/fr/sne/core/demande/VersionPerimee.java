package fr.sne.core.demande;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** An update based on a version someone else has changed since: what they changed, version by version. */
public final class VersionPerimee extends RuntimeException {

    /** One version written meanwhile: who, when, and which fields. */
    @Serdeable
    public record Ecriture(int version, String auteur, Instant le, List<String> champs) {
    }

    private final int versionActuelle;
    private final List<Ecriture> ecritures;

    public VersionPerimee(int versionActuelle, List<Ecriture> ecritures) {
        super("Version périmée", null, false, false);
        this.versionActuelle = versionActuelle;
        this.ecritures = List.copyOf(ecritures);
    }

    public int versionActuelle() {
        return versionActuelle;
    }

    public List<Ecriture> ecritures() {
        return ecritures;
    }
}
