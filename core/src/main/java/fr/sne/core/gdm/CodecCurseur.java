package fr.sne.core.gdm;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque, signed cursors. The signature (HMAC-SHA256) covers the position and the query it
 * belongs to (caller, territory, {@code depuis}, {@code communes}), so a cursor can be neither
 * forged nor replayed with other parameters: both are refused as invalid.
 */
@Singleton
class CodecCurseur {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int SIGNATURE = 16;

    private final byte[] cle;

    CodecCurseur(@Value("${sne.gdm.secret:${sne.session.secret:}}") String secret) {
        if (secret == null || secret.isBlank()) {
            // without a configured secret, cursors stay valid until the next restart only
            this.cle = new byte[32];
            new SecureRandom().nextBytes(this.cle);
        } else {
            this.cle = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    String encoder(Curseur c, String requete) {
        byte[] position = (c.horizon() + "." + c.horodatageMicros() + "." + c.id()).getBytes(StandardCharsets.US_ASCII);
        return B64.encodeToString(position) + "." + B64.encodeToString(signature(position, requete));
    }

    /** The position, when the cursor is genuine and was issued for this same query. */
    Optional<Curseur> decoder(String valeur, String requete) {
        if (valeur == null || valeur.length() > 200) {
            return Optional.empty();
        }
        int point = valeur.indexOf('.');
        if (point <= 0 || point != valeur.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] position = Base64.getUrlDecoder().decode(valeur.substring(0, point));
            byte[] donnee = Base64.getUrlDecoder().decode(valeur.substring(point + 1));
            if (!MessageDigest.isEqual(signature(position, requete), donnee)) {
                return Optional.empty();
            }
            String[] p = new String(position, StandardCharsets.US_ASCII).split("\\.");
            if (p.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Curseur(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] signature(byte[] position, String requete) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cle, "HmacSHA256"));
            mac.update(requete.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(position), SIGNATURE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
