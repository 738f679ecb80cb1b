package be.uliege.library.registration.card;

import be.uliege.library.registration.base.ClientNetworks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * R-CARD-5: card activation tries per client address and per network (/24 for IPv4, /48 for
 * IPv6) in fixed windows, in memory and bounded — with 10,000 possible codes, the per-card lock
 * stops guessing one card and these limits stop trying many cards from one place.
 */
@Component
class ActivationLimiter {

    static final int MAX_KEYS = 100_000;

    private final CardSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int count) {}

    ActivationLimiter(CardSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void acquire(String client) {
        var now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(settings.window())));
            if (windows.size() > MAX_KEYS) {
                windows.clear();
            }
        }
        count("a:" + client, settings.perAddress(), now);
        count("n:" + ClientNetworks.of(client), settings.perNetwork(), now);
    }

    private void count(String key, int limit, Instant now) {
        var window = windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(settings.window()))
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (window.count() > limit) {
            throw new TooManyActivationAttemptsException(Math.max(1,
                    Duration.between(now, window.start().plus(settings.window())).toSeconds()));
        }
    }

    /** Forgets every count: for tests. */
    void reset() {
        windows.clear();
    }
}
