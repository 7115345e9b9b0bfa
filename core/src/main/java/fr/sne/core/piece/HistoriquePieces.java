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

    private static final Map<String, String> CHAMPS = Map.of("type", "Type", "categorie", "Catégorie", "finValidite",
            "Fin de validité", "indicePertinence", "Indice de pertinence", "commentaire", "Commentaire", "sousDocuments",
            "Sous-documents", "nomFichier", "Fichier", "taille", "Taille", "version", "Version servie");

    private HistoriquePieces() {
    }

    static Ligne ligne(ActionHistorique a) {
        String qui = a.qui() == null ? "—" : a.qui();
        return new Ligne(VuesPieces.heure(a.horodatage()), a.nature().libelle(), qui, detail(a));
    }

    static String detail(ActionHistorique a) {
        List<String> parties = new ArrayList<>();
        for (Map.Entry<String, Object> e : a.detail().entrySet()) {
            String cle = e.getKey();
            if (cle.equals("champs")) {
                if (e.getValue() instanceof List<?> champs && champs.contains("commentaire")) {
                    parties.add("commentaire modifié");
                }
                continue;
            }
            String libelle = CHAMPS.get(cle);
            if (libelle == null) {
                continue; // technical details (hashes, attempts) are the audit's, not the page's
            }
            parties.add(libelle + " : " + valeur(cle, e.getValue()));
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
                case "type" -> TypePiece.valueOf(s).libelle();
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
