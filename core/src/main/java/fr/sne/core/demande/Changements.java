package fr.sne.core.demande;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
            Map<String, String> valeurs = new LinkedHashMap<>();
            aplatir("", json.writeValueToTree(contenu), valeurs);
            return valeurs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void aplatir(String chemin, JsonNode node, Map<String, String> valeurs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                aplatir(chemin.isEmpty() ? e.getKey() : chemin + "." + e.getKey(), e.getValue(), valeurs);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                aplatir(chemin + "[" + i + "]", node.get(i), valeurs);
            }
        } else if (!node.isNull()) {
            valeurs.put(chemin, node.coerceStringValue());
        }
    }
}
