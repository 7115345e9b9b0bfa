package fr.sne.core.demande;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields (JSON paths such as {@code demandeur.adresse.voie}) that differ between two contents. */
@Singleton
class Changements {

    private final JsonMapper json;

    Changements(JsonMapper json) {
        this.json = json;
    }

    List<String> champs(DemandeJson.Contenu avant, DemandeJson.Contenu apres) {
        Map<String, String> a = aplatir(avant);
        Map<String, String> b = aplatir(apres);
        Set<String> chemins = new LinkedHashSet<>(a.keySet());
        chemins.addAll(b.keySet());
        List<String> differents = new ArrayList<>();
        for (String chemin : chemins) {
            if (!java.util.Objects.equals(a.get(chemin), b.get(chemin))) {
                differents.add(chemin);
            }
        }
        return differents;
    }

    private Map<String, String> aplatir(DemandeJson.Contenu contenu) {
        try {
            return Chemins.aplatir(json.writeValueToTree(contenu));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
