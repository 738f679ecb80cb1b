package be.uliege.library.registration.card;

import be.uliege.library.registration.base.ClientNetworks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-CARD-5: the time-based back-off of card activation, in MariaDB so that every instance shares
 * it. It is kept per identifier as typed and per identifier and client network — never per card
 * row — so that an identifier that exists and one that does not get the same answers. After the
 * free wrong codes, each further one makes the next try wait, twice as long each time, up to a
 * ceiling: never a permanent lock. Keys are HMACs under the server's secret. When many identifiers
 * get wrong codes within an hour, an alert is raised for the desk and logged (counts only). See
 * {@code docs/decisions/0008-card-activation-backoff.md}.
 *
 * @see "docs/decisions/0008-card-activation-backoff.md"
 */
@Component
class ActivationBackoff {

    private static final Logger log = LoggerFactory.getLogger(ActivationBackoff.class);

    private final JdbcTemplate jdbc;
    private final ActivationBackoffSettings settings;
    private final int freePerNetwork;
    private final Clock clock;
    private final SecretKeySpec key;

    ActivationBackoff(JdbcTemplate jdbc, ActivationBackoffSettings settings, CardSettings cards, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.freePerNetwork = cards.maxFailedAttempts();
        this.clock = clock;
        this.key = new SecretKeySpec(cards.codeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The keys of one attempt: the identifier as typed (normalised), and that with the client's network. */
    record Keys(String identifier, String pair) {}

    /** The back-off state of an identifier, for the desk. */
    record State(int failures, @Nullable Instant delayedUntil) {}

    /** An alert raised because many identifiers got wrong codes. */
    record Alert(Instant raisedAt, int identifiers) {}

    private record Row(String key, int failures, @Nullable Instant blockedUntil, Instant changedAt) {}

    Keys keys(String identifier, String client) {
        return new Keys(hmac("id:" + identifier), hmac("pair:" + identifier + "|" + ClientNetworks.of(client)));
    }

    String identifierKey(String identifier) {
        return hmac("id:" + identifier);
    }

    /**
     * Holds the attempt's two states for the transaction (the rows are created if need be and
     * locked, always in the same order), and says how long the attempt must wait.
     *
     * @return the seconds (rounded up) this identifier must still wait, from this network or from
     *     all; 0 when the attempt may be examined
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long check(Keys keys) {
        var now = clock.instant();
        var first = keys.identifier().compareTo(keys.pair()) < 0;
        var a = first ? keys.identifier() : keys.pair();
        var b = first ? keys.pair() : keys.identifier();
        var at = Timestamp.from(now);
        jdbc.update(
                "insert into card_activation_backoff (key_hash, identifier_hash, scope, failures, changed_at) "
                        + "values (?, ?, ?, 0, ?), (?, ?, ?, 0, ?) on duplicate key update key_hash = key_hash",
                a,
                keys.identifier(),
                scope(keys, a),
                at,
                b,
                keys.identifier(),
                scope(keys, b),
                at);
        Instant until = null;
        for (var row : rows(keys)) {
            if (row.blockedUntil() != null
                    && row.blockedUntil().isAfter(now)
                    && (until == null || row.blockedUntil().isAfter(until))) {
                until = row.blockedUntil();
            }
        }
        if (until == null) {
            return 0;
        }
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Counts a wrong code for the attempt's two states (held by {@link #check}); may start a wait, and an alert. */
    @Transactional(propagation = Propagation.MANDATORY)
    void failed(Keys keys) {
        var now = clock.instant();
        boolean newInWindow = false;
        for (var row : rows(keys)) {
            boolean perIdentifier = row.key().equals(keys.identifier());
            int failures = effectiveFailures(row, now) + 1;
            var delay = delay(
                    failures,
                    perIdentifier ? settings.freePerIdentifier() : freePerNetwork,
                    perIdentifier ? settings.maxPerIdentifier() : settings.maxPerNetwork());
            jdbc.update(
                    "update card_activation_backoff set failures = ?, blocked_until = ?, changed_at = ? "
                            + "where key_hash = ?",
                    failures,
                    delay == null ? null : Timestamp.from(now.plus(delay)),
                    Timestamp.from(now),
                    row.key());
            if (perIdentifier) {
                newInWindow = failures == 1 || row.changedAt().isBefore(now.minus(settings.alertWindow()));
            }
        }
        if (newInWindow) {
            alertIfMany(now);
        }
    }

    /** The wait after the {@code failures}-th wrong code: none for the free ones, then doubling up to {@code max}. */
    @Nullable
    Duration delay(int failures, int free, Duration max) {
        if (failures < free) {
            return null;
        }
        int doublings = failures - free;
        if (doublings >= 40) {
            return max;
        }
        var delay = settings.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private int effectiveFailures(Row row, Instant now) {
        boolean waiting = row.blockedUntil() != null && row.blockedUntil().isAfter(now);
        return !waiting && row.changedAt().isBefore(now.minus(settings.forgetAfter())) ? 0 : row.failures();
    }

    private void alertIfMany(Instant now) {
        var since = Timestamp.from(now.minus(settings.alertWindow()));
        Integer identifiers = jdbc.queryForObject(
                "select count(*) from card_activation_backoff "
                        + "where scope = 'I' and failures > 0 and changed_at > ?",
                Integer.class,
                since);
        if (identifiers == null || identifiers <= settings.alertIdentifiers()) {
            return;
        }
        int raised = jdbc.update(
                "insert into card_activation_alert (raised_at, identifiers) select ?, ? from dual "
                        + "where not exists (select 1 from card_activation_alert where raised_at > ?)",
                Timestamp.from(now),
                identifiers,
                since);
        if (raised > 0) {
            log.warn(
                    "Card activation under attack? {} identifiers got wrong codes within {} (alert above {}); "
                            + "the desk sees the alert on the queue",
                    identifiers,
                    settings.alertWindow(),
                    settings.alertIdentifiers());
        }
    }

    /** The state of an identifier (the desk's view): its wrong codes from every network, and the longest wait running. */
    @Transactional(readOnly = true)
    State state(String identifier) {
        var now = clock.instant();
        var id = identifierKey(identifier);
        int failures = 0;
        Instant until = null;
        for (var row : jdbc.query(
                "select key_hash, failures, blocked_until, changed_at from card_activation_backoff "
                        + "where identifier_hash = ?",
                (r, n) -> row(r),
                id)) {
            if (row.key().equals(id)) {
                failures = effectiveFailures(row, now);
            }
            if (row.blockedUntil() != null
                    && row.blockedUntil().isAfter(now)
                    && (until == null || row.blockedUntil().isAfter(until))) {
                until = row.blockedUntil();
            }
        }
        return new State(failures, until);
    }

    /** Forgets every state of an identifier, from every network (the desk lifts the back-off). */
    @Transactional
    boolean clear(String identifier) {
        return jdbc.update(
                        "delete from card_activation_backoff where identifier_hash = ? and failures > 0",
                        identifierKey(identifier))
                > 0;
    }

    /** Forgets every trace of an identifier's attempts, from every network (an erased patron, R-RET-1). */
    @Transactional
    void forget(String identifier) {
        jdbc.update("delete from card_activation_backoff where identifier_hash = ?", identifierKey(identifier));
    }

    /** The latest alert raised since {@code since}, if any. */
    @Transactional(readOnly = true)
    Optional<Alert> latestAlert(Instant since) {
        return jdbc
                .query(
                        "select raised_at, identifiers from card_activation_alert where raised_at > ? "
                                + "order by raised_at desc limit 1",
                        (r, n) -> new Alert(r.getTimestamp(1).toInstant(), r.getInt(2)),
                        Timestamp.from(since))
                .stream()
                .findFirst();
    }

    /**
     * Deletes the states nobody needs any more (no wrong code for {@code forget-after}, no wait
     * running) and alerts older than 30 days.
     */
    @Transactional
    public int purge() {
        var now = clock.instant();
        int states = jdbc.update(
                "delete from card_activation_backoff where changed_at < ? "
                        + "and (blocked_until is null or blocked_until <= ?)",
                Timestamp.from(now.minus(settings.forgetAfter())),
                Timestamp.from(now));
        int alerts = jdbc.update(
                "delete from card_activation_alert where raised_at < ?",
                Timestamp.from(now.minus(Duration.ofDays(30))));
        if (states + alerts > 0) {
            log.info("Card activation back-off: {} old states and {} old alerts deleted", states, alerts);
        }
        return states;
    }

    /** The nightly purge, on one instance at a time (the cluster lock of every scheduled job). */
    @Scheduled(cron = "${registration.cards.activation-backoff.purge-cron:0 23 * * * *}")
    @SchedulerLock(name = "card-activation-backoff-purge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void purgeOnSchedule() {
        purge();
    }

    private List<Row> rows(Keys keys) {
        return jdbc.query(
                "select key_hash, failures, blocked_until, changed_at from card_activation_backoff "
                        + "where key_hash in (?, ?) order by key_hash for update",
                (r, n) -> row(r),
                keys.identifier(),
                keys.pair());
    }

    private static Row row(ResultSet r) throws SQLException {
        var blocked = r.getTimestamp(3);
        return new Row(
                r.getString(1),
                r.getInt(2),
                blocked == null ? null : blocked.toInstant(),
                r.getTimestamp(4).toInstant());
    }

    private static String scope(Keys keys, String key) {
        return key.equals(keys.identifier()) ? "I" : "N";
    }

    private String hmac(String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
