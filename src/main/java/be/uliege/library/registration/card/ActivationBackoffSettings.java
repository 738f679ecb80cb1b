package be.uliege.library.registration.card;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The card activation back-off (R-CARD-5), with ULiège's values in {@code application.yml}; the
 * numbers are argued in {@code docs/decisions/0008-card-activation-backoff.md}. The free tries for
 * one identifier from one network are {@link CardSettings#maxFailedAttempts()}.
 *
 * @param freePerIdentifier wrong codes for one identifier, from all networks together, before each further try waits
 * @param firstDelay        the first wait; it doubles with each further wrong code
 * @param maxPerNetwork     the longest wait for one identifier from one network
 * @param maxPerIdentifier  the longest wait for one identifier from every network: the longest a
 *                          stranger's one wrong code makes the patron wait
 * @param forgetAfter       a state with no wrong code for this long (and no wait running) is forgotten
 * @param alertIdentifiers  staff are alerted when more identifiers than this got wrong codes within {@code alertWindow}
 * @param alertWindow       the window of the alert, and the least time between two alerts
 */
@ConfigurationProperties("registration.cards.activation-backoff")
public record ActivationBackoffSettings(
        int freePerIdentifier,
        Duration firstDelay,
        Duration maxPerNetwork,
        Duration maxPerIdentifier,
        Duration forgetAfter,
        int alertIdentifiers,
        Duration alertWindow) {

    public ActivationBackoffSettings {
        if (freePerIdentifier < 1 || alertIdentifiers < 1) {
            throw new IllegalArgumentException("registration.cards.activation-backoff: counts must be at least 1");
        }
        if (firstDelay.isNegative()
                || firstDelay.isZero()
                || maxPerNetwork.compareTo(firstDelay) < 0
                || maxPerIdentifier.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("registration.cards.activation-backoff: 0 < first-delay <= max-per-…");
        }
        if (maxPerIdentifier.compareTo(maxPerNetwork) > 0) {
            // Otherwise one network could keep an identifier blocked for everyone (see the decision).
            throw new IllegalArgumentException(
                    "registration.cards.activation-backoff: max-per-identifier <= max-per-network");
        }
        if (forgetAfter.compareTo(maxPerNetwork) <= 0) {
            // Otherwise a network's state would be forgotten while it waits, and its free tries come back.
            throw new IllegalArgumentException("registration.cards.activation-backoff: forget-after > max-per-network");
        }
        if (alertWindow.isNegative() || alertWindow.isZero()) {
            throw new IllegalArgumentException("registration.cards.activation-backoff: alert-window > 0");
        }
    }
}
