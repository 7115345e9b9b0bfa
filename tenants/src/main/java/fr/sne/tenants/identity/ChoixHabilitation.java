package fr.sne.tenants.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
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
 * The active habilitation is part of the session, which lives in cookies (the application keeps
 * no server state): a cookie holding the habilitation id, signed with HMAC-SHA256 and bound to the
 * person's subject, so it can be neither forged nor moved to another account.
 */
@Singleton
public class ChoixHabilitation {

    public static final String COOKIE = "sne-habilitation";

    private final byte[] key;
    private final boolean secure;

    public ChoixHabilitation(@Value("${sne.session.secret:}") String secret,
                             @Value("${micronaut.security.token.cookie.cookie-secure:false}") boolean secure) {
        if (secret == null || secret.isBlank()) {
            // without a configured secret a choice survives only until the next restart
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        } else {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.secure = secure;
    }

    public Cookie cookie(String subject, long habilitationId) {
        String value = habilitationId + "." + signature(subject, habilitationId);
        return Cookie.of(COOKIE, value).path("/").httpOnly(true).secure(secure).sameSite(SameSite.Lax);
    }

    public Cookie effacement() {
        return Cookie.of(COOKIE, "").path("/").maxAge(0).httpOnly(true).secure(secure).sameSite(SameSite.Lax);
    }

    /** The chosen habilitation id when the cookie is genuine and belongs to this subject. */
    public Optional<Long> lire(String subject, String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        int dot = cookieValue.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(cookieValue.substring(0, dot));
            byte[] expected = signature(subject, id).getBytes(StandardCharsets.US_ASCII);
            byte[] given = cookieValue.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String signature(String subject, long habilitationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((subject + "|" + habilitationId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
