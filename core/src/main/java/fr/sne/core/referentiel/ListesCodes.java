package fr.sne.core.referentiel;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The code lists of the interfaceNuu format (civilité, nationalité, types de logement…) and the
 * project's own lists for what the format does not code (priority categories of the CERFA v5).
 */
@Singleton
public class ListesCodes {

    private final Map<String, Map<String, String>> listes;

    public ListesCodes(JsonMapper json) {
        Map<String, Map<String, String>> toutes = new HashMap<>(lire(json, "listes-codes.json"));
        toutes.putAll(lire(json, "listes-codes-sne.json"));
        this.listes = Map.copyOf(toutes);
    }

    private static Map<String, Map<String, String>> lire(JsonMapper json, String fichier) {
        try (InputStream in = ListesCodes.class.getResourceAsStream(fichier)) {
            return json.readValue(in.readAllBytes(), Argument.mapOf(Argument.STRING, Argument.mapOf(String.class, String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every code of a list with its label, in the file's order. */
    public Map<String, String> liste(String liste) {
        return Collections.unmodifiableMap(listes.getOrDefault(liste, Map.of()));
    }

    public boolean existe(String liste, String code) {
        return code != null && listes.getOrDefault(liste, Map.of()).containsKey(code);
    }

    public Optional<String> libelle(String liste, String code) {
        return Optional.ofNullable(listes.getOrDefault(liste, Map.of()).get(code));
    }
}
