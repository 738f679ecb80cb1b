package be.uliege.library.registration.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counters and one-time tokens that every instance shares (R-PRE-6, R-CARD-5), on the embedded
 * MariaDB: atomic under concurrent callers, a finished window starts again, keys never in clear,
 * the same secret gives the same keys on every instance, and the cleanup bounds the tables.
 */
@SpringBootTest
class SharedLimitsIT {

    @Autowired
    JdbcTemplate jdbc;

    SharedLimits instance(String secret, int maxWindows) {
        return new SharedLimits(jdbc, secret, maxWindows);
    }

    @BeforeEach
    @AfterEach
    void empty() {
        jdbc.update("delete from shared_limit where scope like 'test.%'");
    }

    @Test
    void concurrentHitsFromTwoInstancesAreEachCountedOnce() throws Exception {
        var a = instance("one-secret-for-all-instances", 1000);
        var b = instance("one-secret-for-all-instances", 1000);
        int threads = 8;
        int each = 25;
        var seen = new ConcurrentLinkedQueue<Integer>();
        var start = new CyclicBarrier(threads);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                var limits = t % 2 == 0 ? a : b;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        seen.add(limits.hit("test.address", "192.0.2.10", Duration.ofHours(1))
                                .hits());
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        }
        assertThat(seen)
                .as("every caller got its own count")
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, threads * each).boxed().toList());
        assertThat(jdbc.queryForObject("select hits from shared_limit where scope = 'test.address'", Integer.class))
                .isEqualTo(threads * each);
    }

    @Test
    void aFinishedWindowStartsAgainAtOne_theRetryAfterIsWhatIsLeftOfTheWindow() throws Exception {
        var limits = instance("window-secret", 1000);
        var window = Duration.ofMillis(700);
        assertThat(limits.hit("test.window", "198.51.100.0", window).hits()).isEqualTo(1);
        var second = limits.hit("test.window", "198.51.100.0", window);
        assertThat(second.hits()).isEqualTo(2);
        assertThat(second.left()).isPositive().isLessThanOrEqualTo(window);
        assertThat(second.retryAfterSeconds()).isEqualTo(1);
        assertThat(limits.hit("test.window", "another", window).hits())
                .as("another key")
                .isEqualTo(1);
        Thread.sleep(900);
        assertThat(limits.hit("test.window", "198.51.100.0", window).hits())
                .as("a new window")
                .isEqualTo(1);
        var hour = limits.hit("test.window", "hourly", Duration.ofHours(1));
        assertThat(hour.retryAfterSeconds()).isBetween(3590L, 3600L);
    }

    @Test
    void keysAreKeyedHashes_theSameSecretGivesTheSameKeyOnEveryInstance() throws Exception {
        var email = "jeanne.dupont@example.be";
        instance("secret-one", 1000).hit("test.email", email, Duration.ofHours(1));
        instance("secret-one", 1000).hit("test.email", email, Duration.ofHours(1));
        instance("secret-two", 1000).hit("test.email", email, Duration.ofHours(1));
        List<byte[]> keys = jdbc.queryForList(
                "select key_hash from shared_limit where scope = 'test.email' order by hits", byte[].class);
        assertThat(keys).as("one row per secret").hasSize(2);
        assertThat(jdbc.queryForList(
                        "select hits from shared_limit where scope = 'test.email' order by hits", Integer.class))
                .containsExactly(1, 2);
        var plain = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
        for (var key : keys) {
            assertThat(key).hasSize(32).isNotEqualTo(plain);
            assertThat(new String(key, StandardCharsets.ISO_8859_1)).doesNotContain("dupont");
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from shared_limit where scope like 'test.%' and "
                                + "(cast(key_hash as char) like '%dupont%' or scope like '%dupont%')",
                        Integer.class))
                .isZero();
    }

    @Test
    void aTokenIsSpentOnceOnAnyInstanceWithTheSameSecret() {
        var token = "1767225600.abc." + System.nanoTime();
        var a = instance("token-secret", 1000);
        var b = instance("token-secret", 1000);
        assertThat(a.spendOnce("test.challenge", token, Duration.ofMinutes(10))).isTrue();
        assertThat(b.spendOnce("test.challenge", token, Duration.ofMinutes(10)))
                .as("spent on a")
                .isFalse();
        assertThat(a.spendOnce("test.challenge", token, Duration.ofMinutes(10))).isFalse();
        assertThat(a.spendOnce("test.challenge", token + "x", Duration.ofMinutes(10)))
                .isTrue();
    }

    @Test
    void theCleanupDeletesFinishedWindowsAndExpiredTokens_thenTheOldestWindowsBeyondTheCap() throws Exception {
        var limits = instance("cleanup-secret", 3);
        limits.hit("test.cleanup", "finished", Duration.ofMillis(1));
        var expired = "expired." + System.nanoTime();
        limits.spendOnce("test.token", expired, Duration.ZERO);
        var live = "live." + System.nanoTime();
        limits.spendOnce("test.token", live, Duration.ofMinutes(10));
        for (int i = 1; i <= 5; i++) {
            limits.hit("test.cleanup", "live-" + i, Duration.ofMinutes(i));
        }
        Thread.sleep(20);
        // Other tests' windows are not this test's: it counts only its own, with a cap on everything.
        jdbc.update("delete from shared_limit where scope not like 'test.%'");

        var purge = limits.purge();

        assertThat(purge.finishedWindows()).isGreaterThanOrEqualTo(1);
        assertThat(purge.expiredTokens()).isGreaterThanOrEqualTo(1);
        assertThat(purge.windowsOverCap()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from shared_limit", Integer.class))
                .isEqualTo(3);
        assertThat(limits.hit("test.cleanup", "live-5", Duration.ofMinutes(5)).hits())
                .as("the newest kept")
                .isEqualTo(2);
        assertThat(limits.hit("test.cleanup", "live-1", Duration.ofMinutes(1)).hits())
                .as("the oldest gone")
                .isEqualTo(1);
        assertThat(limits.spendOnce("test.token", live, Duration.ofMinutes(10)))
                .as("an unexpired token is kept")
                .isFalse();
        assertThat(limits.spendOnce("test.token", expired, Duration.ZERO))
                .as("an expired token is forgotten")
                .isTrue();
    }
}
