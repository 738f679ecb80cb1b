package be.uliege.library.registration.base;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counters and one-time tokens that every instance of the application shares, in MariaDB: the
 * fixed-window rate limits of the public pages (R-PRE-6, R-CARD-5) and the challenges already
 * spent (R-PRE-6). A client refused by one instance is refused by all, and a token spent on one is
 * spent everywhere. Keys are stored as keyed hashes only (addresses and e-mails are personal
 * data); the key is derived from {@code registration.shared-limits.secret}, the same on every
 * instance (without it, each start draws its own and nothing is shared). Growth is bounded: a
 * locked job deletes finished windows and spent tokens past their expiry, then the oldest windows
 * beyond {@code registration.shared-limits.max-windows}. Times are the database's, so that the
 * instances' clocks do not matter. See {@code docs/decisions/0006-cluster.md}.
 *
 * @see "docs/decisions/0006-cluster.md"
 */
@Component
public class SharedLimits {

    private static final Logger log = LoggerFactory.getLogger(SharedLimits.class);
    private static final int DELETE_BATCH = 10_000;

    /** One hit of a counter: how many in its current window, and how long that window still runs. */
    public record Count(int hits, Duration left) {

        /** Seconds until the window ends, at least 1: the {@code Retry-After} of a refusal. */
        public long retryAfterSeconds() {
            return Math.max(1, (left.toMillis() + 999) / 1000);
        }
    }

    /** What one cleanup deleted. */
    record Purge(int finishedWindows, int expiredTokens, int windowsOverCap) {}

    private final JdbcTemplate jdbc;
    private final SecretKeySpec key;
    private final int maxWindows;

    SharedLimits(
            JdbcTemplate jdbc,
            @Value("${registration.shared-limits.secret:}") String secret,
            @Value("${registration.shared-limits.max-windows:500000}") int maxWindows) {
        this.jdbc = jdbc;
        this.maxWindows = maxWindows;
        byte[] derived;
        if (secret.isBlank()) {
            derived = new byte[32];
            new SecureRandom().nextBytes(derived);
            log.info("No shared-limits secret: the rate limits and spent challenges are this instance's own");
        } else {
            derived = hmac(secret.getBytes(StandardCharsets.UTF_8), "registration shared limits");
        }
        this.key = new SecretKeySpec(derived, "HmacSHA256");
    }

    /**
     * Counts one hit for the key in a fixed window of the given length, atomically across instances:
     * the first hit of a key, or the first after its window ended, opens a new window with 1.
     *
     * @param scope what is counted, e.g. {@code preregistration.address} (stored in clear: no personal data)
     * @param value the client address, network or e-mail (stored only as a keyed hash)
     */
    public Count hit(String scope, String value, Duration window) {
        var hash = hash(scope, value);
        long micros = window.toNanos() / 1000;
        // One statement opens, rolls over or increments the window. LAST_INSERT_ID(expr) hands this
        // connection the count it just wrote, whatever other instances do meanwhile. Assignments
        // run left to right: window_end is compared before it is moved.
        return Objects.requireNonNull(jdbc.execute((ConnectionCallback<Count>) connection -> {
            try (var upsert = connection.prepareStatement("""
                    insert into shared_limit (key_hash, scope, window_end, hits)
                    values (?, ?, utc_timestamp(3) + interval ? microsecond, last_insert_id(1))
                    on duplicate key update
                      hits = last_insert_id(if(window_end <= utc_timestamp(3), 1, hits + 1)),
                      window_end = if(window_end <= utc_timestamp(3), values(window_end), window_end)""")) {
                upsert.setBytes(1, hash);
                upsert.setString(2, scope);
                upsert.setLong(3, micros);
                upsert.executeUpdate();
            }
            try (var read = connection.prepareStatement(
                    "select last_insert_id(), "
                            + "timestampdiff(microsecond, utc_timestamp(3), window_end) from shared_limit where key_hash = ?")) {
                read.setBytes(1, hash);
                try (var row = read.executeQuery()) {
                    if (!row.next()) {
                        // Deleted by the cleanup between the two statements: its window had ended.
                        return new Count(1, window);
                    }
                    return new Count(row.getInt(1), Duration.ofNanos(Math.max(0, row.getLong(2)) * 1000));
                }
            }
        }));
    }

    /**
     * Spends a one-time token: true the first time on any instance, false ever after until it
     * expires (then the cleanup forgets it; the caller refuses expired tokens itself).
     */
    public boolean spendOnce(String scope, String token, Duration validFor) {
        // "ignore": a token spent already inserts nothing, without an error that the driver would log.
        return jdbc.update(
                        "insert ignore into spent_token (token_hash, expires_at) "
                                + "values (?, utc_timestamp(3) + interval ? microsecond)",
                        hash(scope, token),
                        Math.max(0, validFor.toNanos() / 1000))
                == 1;
    }

    /** Forgets every counter of the scopes that start with the prefix: for tests. */
    public void forget(String scopePrefix) {
        jdbc.update("delete from shared_limit where left(scope, char_length(?)) = ?", scopePrefix, scopePrefix);
    }

    /** The cleanup, on one instance at a time (ShedLock). */
    @Scheduled(
            fixedDelayString = "${registration.shared-limits.cleanup-delay:PT1M}",
            initialDelayString = "${registration.shared-limits.cleanup-delay:PT1M}")
    @SchedulerLock(name = "shared-limits-cleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT20S")
    void cleanUp() {
        var purge = purge();
        log.debug(
                "Shared limits: {} finished windows, {} expired tokens, {} windows over the cap deleted",
                purge.finishedWindows(),
                purge.expiredTokens(),
                purge.windowsOverCap());
    }

    Purge purge() {
        int windows = deleteInBatches("delete from shared_limit where window_end <= utc_timestamp(3) limit ?");
        int tokens = deleteInBatches("delete from spent_token where expires_at <= utc_timestamp(3) limit ?");
        int over = 0;
        var rows = jdbc.queryForObject("select count(*) from shared_limit", Integer.class);
        if (rows != null && rows > maxWindows) {
            // Still too many (a flood from countless addresses): the windows nearest their end go first.
            over = jdbc.update("delete from shared_limit order by window_end limit ?", rows - maxWindows);
            log.warn("Shared limits over their cap of {} windows: the {} oldest deleted", maxWindows, over);
        }
        return new Purge(windows, tokens, over);
    }

    private int deleteInBatches(String delete) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(delete, DELETE_BATCH);
            total += deleted;
        } while (deleted == DELETE_BATCH);
        return total;
    }

    private byte[] hash(String scope, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((scope + "\n" + value).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] secret, String label) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
