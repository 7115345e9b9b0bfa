package fr.sne.community.assistance.satisfaction;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed links of the satisfaction mails: {@code ticket.round.expiry} and its HMAC-SHA256,
 * so that the requester rates without signing in, for this ticket and this resolution round only,
 * until the expiry. The secret is {@code sne.assistance.satisfaction.secret} (else the session
 * secret; else a random one, valid until the next restart only).
 */
@Singleton
public class LiensSatisfaction {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    // domain separation: the session secret may be shared with other signatures
    private static final String DOMAINE = "sne-satisfaction-assistance:";

    /** What a genuine link designates. */
    public record Lien(long ticketId, int tour, Instant expireLe) {
    }

    private final byte[] cle;

    public LiensSatisfaction(@Value("${sne.assistance.satisfaction.secret:${sne.session.secret:}}") String secret) {
        if (secret == null || secret.isBlank()) {
            this.cle = new byte[32];
            new SecureRandom().nextBytes(this.cle);
        } else {
            this.cle = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    public String signer(Lien lien) {
        byte[] charge = (lien.ticketId() + "." + lien.tour() + "." + lien.expireLe().getEpochSecond()).getBytes(StandardCharsets.US_ASCII);
        return B64.encodeToString(charge) + "." + B64.encodeToString(hmac(charge));
    }

    /** The link's content when the signature is genuine (the expiry is the caller's to check). */
    public Optional<Lien> verifier(String jeton) {
        if (jeton == null || jeton.length() > 300) {
            return Optional.empty();
        }
        int point = jeton.indexOf('.');
        if (point <= 0 || point != jeton.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] charge = Base64.getUrlDecoder().decode(jeton.substring(0, point));
            byte[] signature = Base64.getUrlDecoder().decode(jeton.substring(point + 1));
            if (!MessageDigest.isEqual(hmac(charge), signature)) {
                return Optional.empty();
            }
            String[] p = new String(charge, StandardCharsets.US_ASCII).split("\\.");
            if (p.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Lien(Long.parseLong(p[0]), Integer.parseInt(p[1]), Instant.ofEpochSecond(Long.parseLong(p[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] hmac(byte[] charge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cle, "HmacSHA256"));
            mac.update(DOMAINE.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(charge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
