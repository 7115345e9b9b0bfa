package fr.sne.community.info;

import fr.sne.tenants.web.Formulaire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The files an article may carry: documents, schemas and archives for download, images for the
 * text. Never HTML or SVG (a page of this site's origin could run a script); downloads are served
 * as attachments with {@code nosniff} anyway.
 */
public final class FormatsPieces {

    public static final long TAILLE_MAX = 20L * 1024 * 1024;

    /** A format: its type, and whether its bytes are text worth indexing. */
    public record Format(String extension, String typeMime, boolean texte, boolean pdf) {
    }

    private static final Map<String, Format> FORMATS = Map.ofEntries(
            format("pdf", "application/pdf", false, true),
            format("xsd", "application/xml", true, false),
            format("xml", "application/xml", true, false),
            format("json", "application/json", true, false),
            format("txt", "text/plain", true, false),
            format("csv", "text/csv", true, false),
            format("md", "text/markdown", true, false),
            format("zip", "application/zip", false, false),
            format("odt", "application/vnd.oasis.opendocument.text", false, false),
            format("ods", "application/vnd.oasis.opendocument.spreadsheet", false, false),
            format("odp", "application/vnd.oasis.opendocument.presentation", false, false),
            format("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, false),
            format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false, false),
            format("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", false, false),
            format("png", "image/png", false, false),
            format("jpg", "image/jpeg", false, false),
            format("jpeg", "image/jpeg", false, false));

    private FormatsPieces() {
    }

    private static Map.Entry<String, Format> format(String ext, String mime, boolean texte, boolean pdf) {
        return Map.entry(ext, new Format(ext, mime, texte, pdf));
    }

    /** The file's format from its name, checked with its size; null (and an error) when refused. */
    public static Format verifier(String nom, Path fichier, Formulaire erreurs) {
        String n = nomPropre(nom);
        int point = n.lastIndexOf('.');
        Format format = point < 0 ? null : FORMATS.get(n.substring(point + 1).toLowerCase(Locale.ROOT));
        long taille = fichier == null ? 0 : taille(fichier);
        if (fichier == null || taille == 0) {
            erreurs.erreur("fichier", "Choisissez un fichier non vide.");
        } else if (format == null) {
            erreurs.erreur("fichier", "Ce format n’est pas accepté : PDF, XSD, XML, JSON, TXT, CSV, Markdown, ZIP, "
                    + "documents bureautiques (ODT, ODS, ODP, DOCX, XLSX, PPTX) ou images (PNG, JPEG).");
        } else if (taille > TAILLE_MAX) {
            erreurs.erreur("fichier", "Le fichier ne doit pas dépasser 20 Mo.");
        }
        return format;
    }

    /** The name without any folder, control character or quote, at most 255 characters. */
    public static String nomPropre(String nom) {
        String n = nom == null ? "" : nom.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.length() > 255) {
            int point = n.lastIndexOf('.');
            String ext = point > 0 && n.length() - point <= 10 ? n.substring(point) : "";
            n = n.substring(0, 255 - ext.length()) + ext;
        }
        return n.isEmpty() ? "fichier" : n;
    }

    public static long taille(Path fichier) {
        try {
            return Files.size(fichier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
