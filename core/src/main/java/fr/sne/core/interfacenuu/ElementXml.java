package fr.sne.core.interfacenuu;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element of a parsed interfaceNuu document, already checked against the schema: its local
 * name, attributes, text (trimmed) and child elements. Lighter than a DOM and immutable.
 */
record ElementXml(String nom, Map<String, String> attributs, String texte, List<ElementXml> enfants) {

    ElementXml {
        attributs = Map.copyOf(attributs);
        enfants = List.copyOf(enfants);
    }

    /** The first child of that name, if any. */
    Optional<ElementXml> enfant(String nomEnfant) {
        return enfants.stream().filter(e -> e.nom.equals(nomEnfant)).findFirst();
    }

    /** Every child of that name, in document order. */
    List<ElementXml> enfants(String nomEnfant) {
        return enfants.stream().filter(e -> e.nom.equals(nomEnfant)).toList();
    }

    /** The text of a child, or null when the child is absent or empty. */
    String texte(String nomEnfant) {
        return enfant(nomEnfant).map(ElementXml::texte).filter(t -> !t.isEmpty()).orElse(null);
    }

    /** The {@code code} attribute of a child ({@code <civilite code="1"/>}), or null. */
    String code(String nomEnfant) {
        return enfant(nomEnfant).map(e -> e.attributs.get("code")).orElse(null);
    }
}
