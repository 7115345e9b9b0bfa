package fr.sne.core.referentiel;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** The code lists of the interfaceNuu format (civilité, nationalité, types de logement…). */
@Singleton
public class ListesCodes {

    private final Map<String, Map<String, String>> listes;

    public ListesCodes(JsonMapper json) {
        try (InputStream in = ListesCodes.class.getResourceAsStream("listes-codes.json")) {
            this.listes = Map.copyOf(json.readValue(in.readAllBytes(),
                    Argument.mapOf(Argument.STRING, Argument.mapOf(String.class, String.class))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean existe(String liste, String code) {
        return code != null && listes.getOrDefault(liste, Map.of()).containsKey(code);
    }

    public Optional<String> libelle(String liste, String code) {
        return Optional.ofNullable(listes.getOrDefault(liste, Map.of()).get(code));
    }
}
