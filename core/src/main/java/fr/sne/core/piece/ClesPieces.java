package fr.sne.core.piece;

/**
 * Object keys of documents: {@code <territoire>/pieces/<numero>/<sha256>} for the bytes deposited,
 * the same key with a suffix for derivatives. The territory first (every key of a tenant under
 * one prefix), the application next (its objects found, and purged, together).
 */
final class ClesPieces {

    private ClesPieces() {
    }

    static String prefixe(String territoire) {
        return territoire + "/pieces/";
    }

    static String original(String territoire, String numero, String sha256) {
        return prefixe(territoire) + numero + "/" + sha256;
    }

    static String masquee(String original) {
        return original + ".masque.pdf";
    }

    static String apercu(String original, String extension) {
        return original + ".apercu." + extension;
    }

    /** The application's number in a key of ours, or null. */
    static String numero(String cle) {
        String[] parties = cle.split("/", -1);
        return parties.length == 4 && "pieces".equals(parties[1]) ? parties[2] : null;
    }
}
