package fr.sne.core.piece;

import fr.sne.documents.analyse.FormatPiece;
import io.micronaut.http.HttpStatus;

/**
 * Which bytes of a document a reader gets. The original goes to the profiles allowed to see
 * sensitive data (desks, "consultant sensible", the applicant); the others get it only for a PDF
 * whose analysis found no NIR. Otherwise: the masked PDF when a NIR was found; for a photo, its
 * preview without EXIF/GPS (location data never reach them, and the original's EXIF stays
 * available to those who check documents for fraud). Before the analysis has spoken, or when it
 * failed, or when no safe version exists (a HEIC photo that could not be re-encoded), nothing.
 */
final class Ouvertures {

    /** A version to serve, or a refusal with its status and French message. */
    record Resolution(VersionPiece version, HttpStatus statut, String refus) {
        static Resolution servir(VersionPiece v) {
            return new Resolution(v, null, null);
        }

        static Resolution refuser(HttpStatus statut, String message) {
            return new Resolution(null, statut, message);
        }

        boolean servie() {
            return version != null;
        }
    }

    static final String SUPPRIMEE = "Cette pièce a été supprimée : elle ne peut plus être ouverte.";
    static final String PROFIL = "Votre profil ne permet pas d’ouvrir cette pièce.";

    private Ouvertures() {
    }

    /**
     * @param ouvrir         the reader may open non-sensitive documents
     * @param ouvrirSensible the reader may open sensitive documents and originals
     * @param demandee       a version asked for, or null for the default one
     */
    static Resolution resoudre(boolean ouvrir, boolean ouvrirSensible, PieceJustificative p, VersionPiece demandee) {
        if (p.supprimee()) {
            return Resolution.refuser(HttpStatus.GONE, SUPPRIMEE);
        }
        if (p.sensible() ? !ouvrirSensible : !ouvrir) {
            return Resolution.refuser(HttpStatus.FORBIDDEN, PROFIL);
        }
        boolean original = ouvrirSensible || (p.format() == FormatPiece.PDF && p.analyse() == StatutAnalyse.TERMINEE
                && Boolean.FALSE.equals(p.nirDetecte()));
        if (demandee != null) {
            return switch (demandee) {
                case ORIGINAL -> original ? Resolution.servir(VersionPiece.ORIGINAL) : pasDeVersionSure(p, true);
                case MASQUEE -> p.versionMasquee() ? Resolution.servir(VersionPiece.MASQUEE)
                        : Resolution.refuser(HttpStatus.NOT_FOUND, "Cette pièce n’a pas de version masquée.");
                case APERCU -> p.apercu() ? Resolution.servir(VersionPiece.APERCU)
                        : Resolution.refuser(HttpStatus.NOT_FOUND, "Cette pièce n’a pas d’aperçu.");
            };
        }
        if (original) {
            return Resolution.servir(VersionPiece.ORIGINAL);
        }
        if (Boolean.TRUE.equals(p.nirDetecte()) && p.versionMasquee()) {
            return Resolution.servir(VersionPiece.MASQUEE);
        }
        if (image(p) && p.analyse() == StatutAnalyse.TERMINEE && p.apercu() && !Boolean.TRUE.equals(p.nirDetecte())) {
            return Resolution.servir(VersionPiece.APERCU);
        }
        return pasDeVersionSure(p, false);
    }

    private static Resolution pasDeVersionSure(PieceJustificative p, boolean originalDemande) {
        return switch (p.analyse()) {
            case EN_ATTENTE, EN_COURS -> Resolution.refuser(HttpStatus.CONFLICT, "Document en cours d’analyse : il pourra "
                    + "être ouvert une fois l’analyse terminée (un numéro de sécurité sociale éventuel y sera alors masqué).");
            case ECHEC -> Resolution.refuser(HttpStatus.FORBIDDEN, "L’analyse de ce document n’a pas abouti : seuls les guichets "
                    + "et les consultants habilités aux données sensibles peuvent l’ouvrir.");
            case TERMINEE -> {
                if (Boolean.TRUE.equals(p.nirDetecte())) {
                    yield Resolution.refuser(HttpStatus.FORBIDDEN, originalDemande && p.versionMasquee()
                            ? "Ce document contient un numéro de sécurité sociale : votre profil permet d’en ouvrir la version masquée, pas l’original."
                            : "Ce document contient un numéro de sécurité sociale et sa version masquée n’est pas disponible : "
                            + "seuls les guichets et les consultants habilités aux données sensibles peuvent l’ouvrir.");
                }
                yield Resolution.refuser(HttpStatus.FORBIDDEN, originalDemande && p.apercu()
                        ? "Votre profil permet d’ouvrir l’aperçu de cette image, pas l’original (ses métadonnées peuvent contenir une localisation)."
                        : "Aucun aperçu ne peut être produit pour ce format (" + p.format().name() + ") : seuls les guichets et "
                        + "les consultants habilités aux données sensibles peuvent ouvrir l’original.");
            }
        };
    }

    static boolean image(PieceJustificative p) {
        return p.format() != FormatPiece.PDF;
    }
}
