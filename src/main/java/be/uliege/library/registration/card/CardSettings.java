package be.uliege.library.registration.card;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Card settings (R-CARD-3…6), with ULiège's values in {@code application.yml}.
 *
 * @param activationUrl          the public page the letter sends patrons to
 * @param codeSecret             the server's secret under which activation codes are hashed; a
 *                               stolen database alone does not give the 10,000 codes away
 * @param maxFailedAttempts      wrong codes per card before it locks (staff lift the lock)
 * @param perAddress             activation tries per client address within {@code window}
 * @param perNetwork             tries per network (/24, /48) within {@code window}
 * @param activatedPrintingSites the sites whose printer makes cards "printed already activated"
 */
@ConfigurationProperties("registration.cards")
public record CardSettings(
        String activationUrl,
        String codeSecret,
        int maxFailedAttempts,
        int perAddress,
        int perNetwork,
        Duration window,
        List<String> activatedPrintingSites,
        Photos photos) {

    public CardSettings {
        activatedPrintingSites = List.copyOf(activatedPrintingSites);
        if (codeSecret == null || codeSecret.length() < 16) {
            throw new IllegalArgumentException(
                    "registration.cards.code-secret: at least 16 characters (CARD_CODE_SECRET)");
        }
        if (maxFailedAttempts < 1 || perAddress < 1 || perNetwork < 1) {
            throw new IllegalArgumentException("registration.cards: limits must be at least 1");
        }
    }

    /**
     * The photo service (R-CARD-6): {@code /photos/<identifier>.<suffix>}.
     *
     * @param identifierType  PRIMARY, or an additional identifier's type (BARCODE, UNIVERSITY_KEY)
     * @param allowedNetworks the clients allowed, as CIDR ranges
     * @param token           or a bearer token they send; empty: networks only
     */
    public record Photos(String identifierType, String suffix, List<String> allowedNetworks, String token) {
        public Photos {
            allowedNetworks = List.copyOf(allowedNetworks);
        }
    }
}
