package fr.sne.core.piece;

import fr.sne.documents.catalogue.TypePiece;
import fr.sne.tenants.web.Probleme;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document sent from a page's form ({@code multipart/form-data}): its text fields (the CSRF token
 * among them) and the file. A file part above the server's threshold waits on disk, never in
 * memory; the service then streams it. The server releases the parts once the request is over.
 */
record EnvoiPiece(Map<String, String> champs, CompletedFileUpload fichier) {

    /** What a refused deposit tells the person, next to which field. */
    record Erreurs(HttpStatus statut, Map<String, String> parChamp) {
    }

    EnvoiPiece {
        champs = Map.copyOf(champs);
    }

    /** Reads every part (on the blocking pool: the controller runs there). */
    static EnvoiPiece lire(MultipartBody corps) {
        List<CompletedPart> parties = Flux.from(corps).collectList().block();
        Map<String, String> champs = new HashMap<>();
        CompletedFileUpload fichier = null;
        for (CompletedPart p : parties == null ? List.<CompletedPart>of() : parties) {
            if (p instanceof CompletedFileUpload f) {
                // any other file part is ignored; the server releases every part after the request
                if ("fichier".equals(p.getName()) && fichier == null) {
                    fichier = f;
                }
            } else {
                try {
                    champs.putIfAbsent(p.getName(), new String(p.getBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new EnvoiPiece(champs, fichier);
    }

    String champ(String nom) {
        String v = champs.get(nom);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A file was chosen: browsers send an empty, unnamed part when none was. */
    boolean fichierChoisi() {
        return fichier != null && fichier.getFilename() != null && !fichier.getFilename().isBlank();
    }

    /** The type chosen in the form, or null (the analysis will suggest one); an unknown code is a field error. */
    TypePiece type(Map<String, String> erreurs, String champ) {
        String code = champ("type");
        if (code == null) {
            return null;
        }
        try {
            return TypePiece.valueOf(code);
        } catch (IllegalArgumentException e) {
            erreurs.putIfAbsent(champ, "Choisissez un type de pièce dans la liste.");
            return null;
        }
    }

    /** The validity end date typed (yyyy-MM-dd from a date input), or null; a malformed one is a field error. */
    LocalDate finValidite(Map<String, String> erreurs, String champ) {
        String texte = champ("finValidite");
        if (texte == null) {
            return null;
        }
        try {
            return LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            erreurs.putIfAbsent(champ, "Saisissez une date valide (jj/mm/aaaa).");
            return null;
        }
    }

    /**
     * The French message of a refused deposit, next to the field it concerns: the file (format,
     * size, password, unreadable, storage down, radiated application) or a description field.
     * Anything else (403, 404) is not a form error and goes on to the error page.
     *
     * @param ids field of the service's anomalies ({@code type}, {@code categorie}, {@code finValidite},
     *            {@code fichier}) → id of the form control
     */
    Erreurs erreurs(RuntimeException e, Map<String, String> ids) {
        Map<String, String> parChamp = new LinkedHashMap<>();
        if (e instanceof PieceInvalide invalide) {
            for (Probleme.Anomalie a : invalide.anomalies()) {
                parChamp.putIfAbsent(ids.getOrDefault(a.champ(), ids.get("fichier")), a.message());
            }
            return new Erreurs(HttpStatus.UNPROCESSABLE_ENTITY, parChamp);
        }
        if (e instanceof Refus r) {
            HttpStatus s = r.getStatus();
            if (s == HttpStatus.REQUEST_ENTITY_TOO_LARGE || s == HttpStatus.UNSUPPORTED_MEDIA_TYPE
                    || s == HttpStatus.UNPROCESSABLE_ENTITY || s == HttpStatus.SERVICE_UNAVAILABLE || s == HttpStatus.CONFLICT) {
                // named: the browser does not show the file again
                parChamp.put(ids.get("fichier"), fichierChoisi() ? "« " + fichier.getFilename() + " » : " + r.getMessage() : r.getMessage());
                return new Erreurs(s, parChamp);
            }
        }
        throw e;
    }
}
