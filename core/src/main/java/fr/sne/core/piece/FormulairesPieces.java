package fr.sne.core.piece;

import fr.sne.tenants.web.ProtectionCsrf;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The CSRF check of the documents' upload forms. They are {@code multipart/form-data}: the
 * controller binds the body itself, so the token reaches {@link ProtectionCsrf} here, among the
 * form's text fields, before anything is done with the file.
 */
@Singleton
class FormulairesPieces {

    /** Runs {@code suite} once {@code champs} carries the page's CSRF token (403 otherwise). */
    @ProtectionCsrf
    <T> T verifier(Map<String, String> champs, Supplier<T> suite) {
        return suite.get();
    }
}
