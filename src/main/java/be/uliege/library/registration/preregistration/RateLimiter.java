package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.ClientNetworks;
import be.uliege.library.registration.base.SharedLimits;
import org.springframework.stereotype.Component;

/**
 * Fixed-window limits per client address, per network and per e-mail (R-PRE-6), shared by every
 * instance through {@link SharedLimits}: a client refused by one instance is refused by the others.
 * The counts are kept as keyed hashes, never the address or the e-mail.
 */
@Component
public class RateLimiter {

    static final String SCOPE = "preregistration.";

    private final PreRegistrationSettings.RateLimit settings;
    private final SharedLimits limits;

    RateLimiter(PreRegistrationSettings settings, SharedLimits limits) {
        this.settings = settings.rateLimit();
        this.limits = limits;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Counts one submission for the client and the e-mail, the e-mail in the form the record stores
     * ({@link SubmittedEmail#key()}): two spellings of one stored address share one count.
     *
     * @throws TooManyRequestsException with the seconds until the window ends
     */
    void acquire(String clientAddress, SubmittedEmail email) {
        if (!settings.enabled()) {
            return;
        }
        count("address", clientAddress, settings.perAddress());
        count("network", network(clientAddress), settings.perNetwork());
        if (!email.isBlank()) {
            count("email", email.key(), settings.perEmail());
        }
    }

    private void count(String what, String key, int limit) {
        var count = limits.hit(SCOPE + what, key, settings.window());
        if (count.hits() > limit) {
            throw new TooManyRequestsException(count.retryAfterSeconds());
        }
    }

    /** The /24 of an IPv4 address or the /48 of an IPv6 one. */
    static String network(String address) {
        return ClientNetworks.of(address);
    }

    /** Forgets every count, on every instance: for tests. */
    void reset() {
        limits.forget(SCOPE);
    }
}
