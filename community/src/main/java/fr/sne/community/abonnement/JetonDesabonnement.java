package fr.sne.community.abonnement;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The unsubscribe links of notification mails work without signing in: the link carries the
 * person's id and the target (or "all e-mails"), signed with HMAC-SHA256, so it can be neither
 * forged nor changed to someone else's.
 */
@Singleton
public class JetonDesabonnement {

    /** What a genuine token says: whose, and which target (empty: every e-mail). */
    public record Contenu(long utilisateurId, Optional<Cible> cible) {
    }

    private static final String TOUT = "tout";

    private final byte[] cle;

    public JetonDesabonnement(@Value("${sne.session.secret:}") String secret) {
        if (secret == null || secret.isBlank()) {
            // without a configured secret the links live until the next restart (development only)
            this.cle = new byte[32];
            new SecureRandom().nextBytes(this.cle);
        } else {
            this.cle = ("desabonnement|" + secret).getBytes(StandardCharsets.UTF_8);
        }
    }

    public String signer(long utilisateurId, Optional<Cible> cible) {
        String charge = utilisateurId + "|" + cible.map(Cible::toString).orElse(TOUT);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(charge.getBytes(StandardCharsets.UTF_8)) + "." + signature(charge);
    }

    public Optional<Contenu> lire(String jeton) {
        if (jeton == null || jeton.length() > 400) {
            return Optional.empty();
        }
        int point = jeton.indexOf('.');
        if (point <= 0) {
            return Optional.empty();
        }
        try {
            String charge = new String(Base64.getUrlDecoder().decode(jeton.substring(0, point)), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(signature(charge).getBytes(StandardCharsets.US_ASCII),
                    jeton.substring(point + 1).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
            int barre = charge.indexOf('|');
            long id = Long.parseLong(charge.substring(0, barre));
            String cible = charge.substring(barre + 1);
            if (cible.equals(TOUT)) {
                return Optional.of(new Contenu(id, Optional.empty()));
            }
            return Cible.lire(cible).map(c -> new Contenu(id, Optional.of(c)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private String signature(String charge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cle, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(charge.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
