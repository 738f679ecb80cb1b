package be.uliege.library.registration.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * How an activation code is kept (R-CARD-5): never in clear, as an HMAC of the card and the code
 * under the configured secret, so that a copy of the database does not give the codes away.
 */
@Component
class ActivationCodes {

    private final SecretKeySpec key;

    ActivationCodes(CardSettings settings) {
        this.key = new SecretKeySpec(settings.codeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The stored form of a card's code. */
    String hash(long cardId, String code) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((cardId + ":" + code).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
