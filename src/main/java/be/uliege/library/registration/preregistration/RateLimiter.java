package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.ClientNetworks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Fixed-window limits per client address, per network and per e-mail (R-PRE-6), in memory and
 * bounded: past a size limit, finished windows are dropped first, then all — an attacker can reset
 * the counters only by flooding, which the address limit itself refuses early.
 */
@Component
public class RateLimiter {

    static final int MAX_KEYS = 200_000;

    private final PreRegistrationSettings.RateLimit settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int count) {}

    RateLimiter(PreRegistrationSettings settings, Clock clock) {
        this.settings = settings.rateLimit();
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Counts one submission for the client and the e-mail.
     *
     * @throws TooManyRequestsException with the seconds until the window ends
     */
    public void acquire(String clientAddress, String email) {
        if (!settings.enabled()) {
            return;
        }
        var now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(settings.window())));
            if (windows.size() > MAX_KEYS) {
                windows.clear();
            }
        }
        count("a:" + clientAddress, settings.perAddress(), now);
        count("n:" + network(clientAddress), settings.perNetwork(), now);
        if (!email.isBlank()) {
            count("e:" + email.strip().toLowerCase(Locale.ROOT), settings.perEmail(), now);
        }
    }

    private void count(String key, int limit, Instant now) {
        var window = windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(settings.window()))
                ? new Window(now, 1)
                : new Window(w.start(), w.count() + 1));
        if (window.count() > limit) {
            var retry = Duration.between(now, window.start().plus(settings.window())).toSeconds();
            throw new TooManyRequestsException(Math.max(1, retry));
        }
    }

    /** The /24 of an IPv4 address or the /48 of an IPv6 one. */
    static String network(String address) {
        return ClientNetworks.of(address);
    }

    /** Forgets every count: for tests. */
    void reset() {
        windows.clear();
    }
}
