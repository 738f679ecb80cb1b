package be.uliege.library.registration.card;

import be.uliege.library.registration.base.ClientNetworks;
import be.uliege.library.registration.base.SharedLimits;
import org.springframework.stereotype.Component;

/**
 * R-CARD-5: card activation tries per client address and per network (/24 for IPv4, /48 for
 * IPv6) in fixed windows, shared by every instance through {@link SharedLimits} — with 10,000
 * possible codes, the per-card lock stops guessing one card and these limits stop trying many
 * cards from one place, whichever instance the proxy picks.
 */
@Component
class ActivationLimiter {

    static final String SCOPE = "card-activation.";

    private final CardSettings settings;
    private final SharedLimits limits;

    ActivationLimiter(CardSettings settings, SharedLimits limits) {
        this.settings = settings;
        this.limits = limits;
    }

    void acquire(String client) {
        count("address", client, settings.perAddress());
        count("network", ClientNetworks.of(client), settings.perNetwork());
    }

    private void count(String what, String key, int limit) {
        var count = limits.hit(SCOPE + what, key, settings.window());
        if (count.hits() > limit) {
            throw new TooManyActivationAttemptsException(count.retryAfterSeconds());
        }
    }

    /** Forgets every count, on every instance: for tests. */
    void reset() {
        limits.forget(SCOPE);
    }
}
