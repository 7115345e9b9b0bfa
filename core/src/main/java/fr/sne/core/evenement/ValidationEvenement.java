package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.TypeEvenement;
import fr.sne.tenants.web.Probleme;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of an event a desk enters, every anomaly at once, each naming its field: a desk's
 * kind from the catalogue, a date of occurrence between the filing date and today, a comment of
 * at most 4 000 characters (required where the event means nothing without it).
 */
@Singleton
class ValidationEvenement {

    static final int COMMENTAIRE_MAX = 4000;
    /** Events whose comment is their substance: the applicant's reason for refusing, an internal note. */
    static final Set<String> COMMENTAIRE_REQUIS = Set.of(CatalogueEvenements.REFUS_DEMANDEUR, CatalogueEvenements.NOTE_INTERNE);
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** A checked event, ready to be written. */
    record Valide(TypeEvenement type, LocalDate dateSurvenance, String commentaire) {
    }

    private final CatalogueEvenements catalogue;

    ValidationEvenement(CatalogueEvenements catalogue) {
        this.catalogue = catalogue;
    }

    /** The checked event, or {@link SaisieInvalide} with every anomaly. */
    Valide valider(SaisieEvenement saisie, LocalDate dateDepot, LocalDate aujourdhui) {
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        TypeEvenement type = null;
        String code = saisie.type() == null ? null : saisie.type().strip();
        if (code == null || code.isEmpty()) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "type", "Choisissez le type d’événement."));
        } else {
            Optional<TypeEvenement> t = catalogue.type(code);
            if (t.isEmpty()) {
                anomalies.add(new Probleme.Anomalie("CODE_INCONNU", "type", "Type d’événement inconnu : " + abrege(code) + "."));
            } else if (t.get().origine() != TypeEvenement.Origine.GUICHET) {
                anomalies.add(new Probleme.Anomalie("TYPE_SYSTEME", "type", "« " + t.get().libelle()
                        + " » est un événement du système : il est enregistré par le registre lui-même, pas par un guichet."));
            } else {
                type = t.get();
            }
        }
        LocalDate date = date(saisie.dateSurvenance(), anomalies);
        if (date != null && date.isAfter(aujourdhui)) {
            anomalies.add(new Probleme.Anomalie("DATE_FUTURE", "dateSurvenance",
                    "La date de survenance ne peut pas être postérieure à aujourd’hui (" + aujourdhui.format(JOUR) + ")."));
        } else if (date != null && date.isBefore(dateDepot)) {
            anomalies.add(new Probleme.Anomalie("DATE_ANTERIEURE_DEPOT", "dateSurvenance",
                    "La date de survenance ne peut pas précéder la date de dépôt de la demande (" + dateDepot.format(JOUR) + ")."));
        }
        String commentaire = commentaire(saisie.commentaire());
        if (commentaire != null && commentaire.length() > COMMENTAIRE_MAX) {
            anomalies.add(new Probleme.Anomalie("LONGUEUR", "commentaire", "Le commentaire compte au plus 4 000 caractères."));
        } else if (commentaire == null && type != null && COMMENTAIRE_REQUIS.contains(type.code())) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "commentaire", type.code().equals(CatalogueEvenements.REFUS_DEMANDEUR)
                    ? "Indiquez le motif du refus du demandeur." : "Écrivez la note dans le commentaire."));
        }
        if (!anomalies.isEmpty()) {
            throw new SaisieInvalide(anomalies);
        }
        return new Valide(type, date, commentaire);
    }

    /** ISO (API, date fields of browsers) or dd/mm/yyyy (typed by a person). */
    private static LocalDate date(String saisie, List<Probleme.Anomalie> anomalies) {
        String texte = saisie == null ? null : saisie.strip();
        if (texte == null || texte.isEmpty()) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "dateSurvenance", "Indiquez la date de survenance."));
            return null;
        }
        try {
            return texte.contains("/") ? LocalDate.parse(texte, JOUR) : LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            anomalies.add(new Probleme.Anomalie("FORMAT", "dateSurvenance",
                    "La date de survenance doit être une date existante, au format jj/mm/aaaa (AAAA-MM-JJ dans l’API)."));
            return null;
        }
    }

    /** Trimmed, without control characters other than line breaks and tabs; null when blank. */
    private static String commentaire(String saisie) {
        if (saisie == null) {
            return null;
        }
        String texte = saisie.replaceAll("[\\p{Cc}&&[^\\n\\r\\t]]", "").strip();
        return texte.isEmpty() ? null : texte;
    }

    private static String abrege(String code) {
        return code.length() > 20 ? code.substring(0, 20) + "…" : code;
    }
}
