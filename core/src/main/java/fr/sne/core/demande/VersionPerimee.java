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
    private final DemandeJson.Contenu contenuLu;

    public VersionPerimee(int versionActuelle, List<Ecriture> ecritures) {
        this(versionActuelle, ecritures, null);
    }

    /** @param contenuLu the content at the version the stale form was read at (null if unknown) */
    public VersionPerimee(int versionActuelle, List<Ecriture> ecritures, DemandeJson.Contenu contenuLu) {
        super("Version périmée", null, false, false);
        this.versionActuelle = versionActuelle;
        this.ecritures = List.copyOf(ecritures);
        this.contenuLu = contenuLu;
    }

    /** What the stale form was drawn from: tells a person's own edits from the values they merely saw. */
    public java.util.Optional<DemandeJson.Contenu> contenuLu() {
        return java.util.Optional.ofNullable(contenuLu);
    }

    public int versionActuelle() {
        return versionActuelle;
    }

    public List<Ecriture> ecritures() {
        return ecritures;
    }
}
