package fr.sne.documents.analyse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The sample files of {@code src/test/resources/echantillons} (provenance in its README). */
final class Echantillons {

    private Echantillons() {
    }

    static Path chemin(String nom) {
        URL url = Echantillons.class.getResource("/echantillons/" + nom);
        if (url == null) {
            throw new IllegalArgumentException("échantillon absent : " + nom);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a sample under another name (the name must not matter). */
    static Path copie(String nom, Path dossier, String nouveauNom) {
        try {
            return Files.copy(chemin(nom), dossier.resolve(nouveauNom));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code fraction} of a sample, as an interrupted upload would leave it. */
    static Path tronque(String nom, double fraction, Path dossier) {
        try {
            byte[] octets = Files.readAllBytes(chemin(nom));
            return Files.write(dossier.resolve("tronque-" + nom), Arrays.copyOf(octets, (int) (octets.length * fraction)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
