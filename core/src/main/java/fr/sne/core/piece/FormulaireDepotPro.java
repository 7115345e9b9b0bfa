package fr.sne.core.piece;

import java.util.HashMap;
import java.util.Map;

/**
 * The desk's upload form (on the application's documents panel, and again with its errors when a
 * deposit is refused): action, types grouped by category, values typed and errors by field id.
 */
final class FormulaireDepotPro {

    /** Field of the service's anomalies → id of the form control. */
    static final Map<String, String> IDS = Map.of("fichier", "depot-fichier", "type", "depot-type", "categorie", "depot-type",
            "finValidite", "depot-finValidite");

    private FormulaireDepotPro() {
    }

    static Map<String, Object> modele(String numero, Map<String, String> valeurs, Map<String, String> erreurs, long tailleMax) {
        Map<String, Object> m = new HashMap<>();
        m.put("action", "/pro/demandes/" + numero + "/pieces");
        m.put("groupes", VuesPieces.typesParCategorie());
        m.put("valeurs", valeurs);
        m.put("erreurs", erreurs);
        m.put("accept", VuesPieces.ACCEPT);
        m.put("tailleMax", tailleMax);
        m.put("aide", VuesPieces.FORMATS + ", " + VuesPieces.mega(tailleMax) + " au plus. Le format est reconnu d’après le "
                + "contenu du fichier, pas d’après son nom.");
        return m;
    }
}
