package fr.sne.core.enligne;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a desk agent checked before validating: the applicant's birth name, first names and
 * birth date against an identity document (or residence permit), shown at the desk or uploaded.
 *
 * @param piece {@code PRESENTEE} (shown at the desk) or {@code DEPOSEE} (uploaded or sent)
 */
@Serdeable
public record Verification(String piece, boolean nomNaissance, boolean prenoms, boolean dateNaissance) {

    /** The ways the document reached the desk, in the order the page offers them. */
    public static final Map<String, String> PIECES = pieces();

    private static Map<String, String> pieces() {
        Map<String, String> pieces = new LinkedHashMap<>();
        pieces.put("PRESENTEE", "Présentée au guichet");
        pieces.put("DEPOSEE", "Déposée en ligne ou transmise au guichet");
        return Collections.unmodifiableMap(pieces);
    }
}
