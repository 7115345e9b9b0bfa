package fr.sne.core.piece;

import fr.sne.documents.catalogue.CategoriePiece;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the documents' pages show of a document, in French: labels, dates, DSFR badges, the links
 * to its bytes ({@code PieceFichierController}). Shared by the desks' and the applicant's pages.
 */
final class VuesPieces {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    static final String ACCEPT = "application/pdf,image/*";
    static final String FORMATS = "PDF ou photo (JPEG, PNG, HEIC, TIFF)";

    /** One option of a select. */
    record Option(String code, String libelle) {
    }

    /** Types of one category, as an optgroup. */
    record Groupe(String libelle, List<Option> options) {
    }

    /** A link to a version of the document: view it in the browser, or download it. */
    record Lien(String libelle, String voir, String telecharger) {
    }

    private VuesPieces() {
    }

    /** Every type, grouped by category in the catalogue's order. */
    static List<Groupe> typesParCategorie() {
        return Arrays.stream(CategoriePiece.values())
                .map(c -> new Groupe(c.libelle(), Arrays.stream(TypePiece.values()).filter(t -> t.categorie() == c)
                        .map(t -> new Option(t.name(), t.libelle() + (t.sensible() ? " (pièce protégée)" : ""))).toList()))
                .filter(g -> !g.options().isEmpty()).toList();
    }

    static List<Option> categories() {
        return Arrays.stream(CategoriePiece.values()).map(c -> new Option(c.name(), c.libelle())).toList();
    }

    static List<Option> pertinences() {
        return Arrays.stream(IndicePertinence.values()).map(i -> new Option(i.name(), i.libelle())).toList();
    }

    /** The type's label, else the analysis' suggestion, else a neutral wording. */
    static String type(PieceJustificative p) {
        if (p.type() != null) {
            return p.type().libelle();
        }
        if (p.typeSuggere() != null) {
            return p.typeSuggere().libelle() + " (type proposé par l’analyse)";
        }
        return p.categorie() != null ? "Type non précisé" : "Type et catégorie non précisés";
    }

    /** Who deposited it, for professionals: the person and their desk, the applicant, a vendor's software, the scanning service. */
    static String deposePar(PieceJustificative p) {
        return switch (p.deposant()) {
            case DEMANDEUR -> "Le demandeur, en ligne";
            case SERVICE_NUMERISATION -> "Le service de numérisation";
            case GUICHET -> p.deposeParLibelle();
            case EDITEUR -> p.deposeParLibelle() + " (logiciel)";
        };
    }

    /** "1 page", "3 pages". */
    static String pages(Integer n) {
        return n == null ? null : n + (n > 1 ? " pages" : " page");
    }

    static String categorie(PieceJustificative p) {
        return p.categorie() == null ? "—" : p.categorie().libelle();
    }

    static String pertinenceBadge(IndicePertinence i) {
        return switch (i) {
            case REGLEMENTAIRE -> "fr-badge--success";
            case NON_VERIFIE -> "fr-badge--info";
            case SUSPICION_FRAUDE -> "fr-badge--error";
            case HORS_PERIMETRE -> "fr-badge--warning";
        };
    }

    static String analyseBadge(StatutAnalyse s) {
        return switch (s) {
            case EN_ATTENTE, EN_COURS -> "fr-badge--new";
            case TERMINEE -> "fr-badge--success";
            case ECHEC -> "fr-badge--error";
        };
    }

    static String jour(LocalDate d) {
        return d == null ? null : d.format(JOUR);
    }

    static String jour(Instant i) {
        return i == null ? null : i.atZone(PARIS).format(JOUR);
    }

    static String heure(Instant i) {
        return i == null ? null : i.atZone(PARIS).format(HEURE);
    }

    static String taille(long octets) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMaximumFractionDigits(1);
        if (octets < 1024) {
            return octets + " octets";
        }
        if (octets < 1024 * 1024) {
            return f.format(octets / 1024.0) + " Ko";
        }
        return f.format(octets / (1024.0 * 1024)) + " Mo";
    }

    static String euros(long montant) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(montant) + " €";
    }

    /** A language code of the analysis ("fr") in French ("français"). */
    static String langue(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String nom = Locale.forLanguageTag(code).getDisplayLanguage(Locale.FRENCH);
        return nom.isBlank() || nom.equalsIgnoreCase(code) ? code : nom;
    }

    /** The link to a version of a document, under the reader's own pages ({@code /pro/demandes} or {@code /mes-demandes}). */
    static Lien lien(String base, String numero, long id, VersionPiece version, boolean parDefaut) {
        String url = base + "/" + numero + "/pieces/" + id + "/fichier";
        String voir = parDefaut ? url : url + "?version=" + parametre(version);
        String telecharger = parDefaut ? url + "?telechargement=true" : voir + "&telechargement=true";
        return new Lien(version.libelle(), voir, telecharger);
    }

    /** The query value naming a version (as {@code ReponsesPieces.version} reads it). */
    static String parametre(VersionPiece v) {
        return switch (v) {
            case ORIGINAL -> "original";
            case MASQUEE -> "masquee";
            case APERCU -> "apercu";
        };
    }

    /** The message shown after a size refusal, with the limit in megabytes. */
    static String mega(long octets) {
        return octets % (1024 * 1024) == 0 ? octets / (1024 * 1024) + " Mo" : (octets / 1024) + " Ko";
    }
}
