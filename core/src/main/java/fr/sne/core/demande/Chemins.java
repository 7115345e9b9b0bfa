package fr.sne.core.demande;

import io.micronaut.json.tree.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON tree as its leaves: path ({@code demandeur.adresse.voie}, {@code motifs[1]}) → text. */
public final class Chemins {

    private Chemins() {
    }

    public static Map<String, String> aplatir(JsonNode racine) {
        Map<String, String> valeurs = new LinkedHashMap<>();
        aplatir("", racine, valeurs);
        return valeurs;
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
