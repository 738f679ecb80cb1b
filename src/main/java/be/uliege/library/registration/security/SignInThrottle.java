package be.uliege.library.registration.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff sign-in throttling (R-DESK-1), shared by every instance through the database: failures are
 * counted per account and per client address, each further failure past a few makes the next
 * attempt wait twice as long, and many failures lock the key for a while. An attempt is counted
 * <em>before</em> the directory is asked (and given back when it succeeds), so that parallel
 * attempts cannot slip through together; a refused attempt never reaches the directory, so that
 * nobody can get a staff member's university account locked by hammering ours.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SignInThrottleSettings settings;
    private final Clock clock;
    private final SecretKeySpec key;

    SignInThrottle(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            SignInThrottleSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
        this.key = derivedKey(settings.secret());
    }

    /** An attempt let through to the directory, already counted as a failure. */
    record Attempt(String accountKey, @Nullable String addressKey) {}

    /**
     * Counts an attempt for this uid from this address and lets it through, or, when the account
     * or the address must still wait, refuses it without counting it.
     *
     * @throws SignInThrottledException with the moment the attempt may be made again
     */
    Attempt begin(String uid, @Nullable String address) {
        var now = clock.instant();
        var accountKey = hash("account:" + normalisedUid(uid));
        var addressKey = address == null || address.isBlank() ? null : hash("address:" + address.strip());
        var blockedUntil = transactions.execute(status -> {
            var keys = new ArrayList<Key>();
            keys.add(new Key(accountKey, settings.account()));
            if (addressKey != null) {
                keys.add(new Key(addressKey, settings.address()));
            }
            keys.sort(Comparator.comparing(Key::hash)); // one locking order: no deadlock
            var counts = new ArrayList<Count>();
            for (var k : keys) {
                counts.add(lockedCount(k, now));
            }
            Instant latest = null;
            for (var count : counts) {
                var until = count.blockedUntil(settings);
                if (until.isAfter(now) && (latest == null || until.isAfter(latest))) {
                    latest = until;
                }
            }
            if (latest == null) {
                for (var count : counts) {
                    jdbc.update(
                            "UPDATE sign_in_failure SET failures = ?, last_failure_at = ? WHERE key_hash = ?",
                            count.failures() + 1,
                            utc(now),
                            count.key().hash());
                }
            }
            return Optional.ofNullable(latest);
        });
        if (blockedUntil != null && blockedUntil.isPresent()) {
            log.info("Staff sign-in throttled for uid '{}' until {}", LogSafe.token(uid), blockedUntil.get());
            throw new SignInThrottledException(blockedUntil.get());
        }
        return new Attempt(accountKey, addressKey);
    }

    /** The directory accepted the attempt: the account starts afresh, the address gets its attempt back. */
    void succeeded(Attempt attempt) {
        jdbc.update("DELETE FROM sign_in_failure WHERE key_hash = ?", attempt.accountKey());
        if (attempt.addressKey() != null) {
            giveBack(attempt.addressKey());
        }
    }

    /** The directory could not answer: the attempt does not count. */
    void abandoned(Attempt attempt) {
        giveBack(attempt.accountKey());
        if (attempt.addressKey() != null) {
            giveBack(attempt.addressKey());
        }
    }

    /** Deletes the counts that no longer count. */
    @Scheduled(cron = "${registration.security.sign-in.purge-cron:0 23 * * * *}")
    @SchedulerLock(name = "sign-in-failures-purge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void purgeOnSchedule() {
        purge();
    }

    int purge() {
        var deleted = jdbc.update(
                "DELETE FROM sign_in_failure WHERE last_failure_at < ?",
                utc(clock.instant().minus(settings.forgetAfter())));
        if (deleted > 0) {
            log.debug("Forgot {} old sign-in failure counts", deleted);
        }
        return deleted;
    }

    private void giveBack(String hash) {
        jdbc.update("UPDATE sign_in_failure SET failures = failures - 1 WHERE key_hash = ? AND failures > 0", hash);
        jdbc.update("DELETE FROM sign_in_failure WHERE key_hash = ? AND failures = 0", hash);
    }

    private record Key(String hash, SignInThrottleSettings.Limits limits) {}

    private record Count(Key key, int failures, Instant last) {

        Instant blockedUntil(SignInThrottleSettings settings) {
            return last.plus(delayAfter(failures, key.limits(), settings));
        }
    }

    /** Locks the row of this key for the transaction (creating it) and reads it; old failures count as none. */
    private Count lockedCount(Key key, Instant now) {
        jdbc.update(
                "INSERT INTO sign_in_failure (key_hash, failures, last_failure_at) VALUES (?, 0, ?) "
                        + "ON DUPLICATE KEY UPDATE key_hash = key_hash",
                key.hash(),
                utc(now));
        return jdbc.queryForObject(
                "SELECT failures, last_failure_at FROM sign_in_failure WHERE key_hash = ? FOR UPDATE",
                (rs, row) -> {
                    var last =
                            rs.getObject("last_failure_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    var failures = last.plus(settings.forgetAfter()).isBefore(now) ? 0 : rs.getInt("failures");
                    return new Count(key, failures, last);
                },
                key.hash());
    }

    /** How long after the last of {@code failures} failures the next attempt must wait. */
    static Duration delayAfter(int failures, SignInThrottleSettings.Limits limits, SignInThrottleSettings settings) {
        if (failures >= limits.lockAfter()) {
            return settings.lockDuration();
        }
        if (failures < limits.freeFailures()) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - limits.freeFailures() + 1, 30);
        var delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    /** The uid as the directory compares it: trimmed, NFKC, small letters. */
    static String normalisedUid(String uid) {
        return Normalizer.normalize(uid.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private String hash(String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key of its own, derived from the configured secret (which may be shared with another use). */
    private static SecretKeySpec derivedKey(String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SecretKeySpec(
                    mac.doFinal("staff-sign-in-throttle".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
