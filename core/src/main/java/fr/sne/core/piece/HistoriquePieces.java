package fr.sne.core.piece;

import fr.sne.documents.catalogue.CategoriePiece;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A document's history as the pages read it: one French sentence of detail per entry. */
final class HistoriquePieces {

    /** One entry of the history table. */
    record Ligne(String le, String action, String qui, String detail) {
    }

    /** The details shown, in this order, with their labels. */
    private static final Map<String, String> CHAMPS = champs("nomFichier", "Fichier", "taille", "Taille", "type", "Type",
            "categorie", "Catégorie", "finValidite", "Fin de validité", "indicePertinence", "Indice de pertinence",
            "commentaire", "Commentaire", "sousDocuments", "Sous-documents", "version", "Version servie",
            "typeSuggere", "Type reconnu", "pages", "Pages", "nirDetecte", "Numéro de sécurité sociale");

    private static Map<String, String> champs(String... cleLibelle) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cleLibelle.length; i += 2) {
            m.put(cleLibelle[i], cleLibelle[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private HistoriquePieces() {
    }

    static Ligne ligne(ActionHistorique a) {
        String qui = a.qui() == null ? "—" : a.qui();
        return new Ligne(VuesPieces.heure(a.horodatage()), a.nature().libelle(), qui, detail(a));
    }

    static String detail(ActionHistorique a) {
        List<String> parties = new ArrayList<>();
        // technical details (hashes, attempts) are the audit's, not the page's
        CHAMPS.forEach((cle, libelle) -> {
            if (a.detail().containsKey(cle)) {
                parties.add(libelle + " : " + valeur(cle, a.detail().get(cle)));
            }
        });
        if (a.detail().get("champs") instanceof List<?> champs && champs.contains("commentaire")) {
            parties.add("commentaire modifié");
        }
        return String.join(" ; ", parties);
    }

    /** A stored value in words: catalogue labels, dates, sizes. */
    static String valeur(String champ, Object v) {
        if (v == null || v.toString().isEmpty()) {
            return "(vide)";
        }
        String s = v.toString();
        try {
            return switch (champ) {
                case "type", "typeSuggere" -> TypePiece.valueOf(s).libelle();
                case "nirDetecte" -> Boolean.parseBoolean(s) ? "détecté" : "aucun";
                case "categorie" -> CategoriePiece.valueOf(s).libelle();
                case "indicePertinence" -> IndicePertinence.valueOf(s).libelle();
                case "version" -> VersionPiece.valueOf(s).libelle();
                case "finValidite" -> VuesPieces.jour(LocalDate.parse(s));
                case "taille" -> v instanceof Number n ? VuesPieces.taille(n.longValue()) : s;
                default -> s;
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return s;
        }
    }
}
