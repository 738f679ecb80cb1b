package be.uliege.library.registration.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.directory.CountingDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * R-DESK-1: staff sign-in throttling, in the shared database. Past a few failures an account (or
 * an address) waits 2, 4, 8… seconds, then is locked; a throttled attempt never reaches the
 * directory, even with the right password; unknown uids get the same answer; parallel attempts
 * cannot slip through together; nothing is stored or logged in clear. A directory of its own counts
 * what is asked of it; the clock is the test's.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleIT {

    static CountingDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    SignInThrottleSettings settings;

    final MovableClock clock = new MovableClock();
    SignInThrottle throttle;
    StaffAuthenticationProvider provider;

    @BeforeAll
    static void startDirectory() throws Exception {
        directory = new CountingDirectory();
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
    }

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM sign_in_failure");
        throttle = new SignInThrottle(jdbc, transactions, settings, clock);
        provider = new StaffAuthenticationProvider(directory.staffDirectory(), directory.settings(), throttle);
        directory.takeOperations();
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Brussels");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Authentication signIn(String uid, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(uid, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return provider.authenticate(token);
    }

    private void failTimes(int times, String uid, String address) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> signIn(uid, "wrong-" + UUID.randomUUID(), address))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void pastTheFreeFailuresTheNextAttemptWaits_withoutAskingTheDirectory_evenWithTheRightPassword() {
        failTimes(settings.account().freeFailures(), CountingDirectory.UID, "192.0.2.1");
        assertThat(directory.takeOperations()).isNotEmpty();

        assertThatThrownBy(() -> signIn(CountingDirectory.UID, CountingDirectory.PASSWORD, "192.0.2.1"))
                .isInstanceOfSatisfying(
                        SignInThrottledException.class,
                        e -> assertThat(e.retryAt()).isEqualTo(clock.now.plusSeconds(2)));
        assertThat(directory.takeOperations())
                .as("the directory is never asked while throttled")
                .isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn(CountingDirectory.UID, CountingDirectory.PASSWORD, "192.0.2.1")
                        .isAuthenticated())
                .isTrue();
        // A success clears the account: the free failures are free again.
        failTimes(settings.account().freeFailures(), CountingDirectory.UID, "192.0.2.1");
    }

    @Test
    void theDelayDoublesUpToItsCap_thenManyFailuresLock() {
        var account = settings.account();
        assertThat(SignInThrottle.delayAfter(account.freeFailures() - 1, account, settings))
                .isZero();
        assertThat(SignInThrottle.delayAfter(account.freeFailures(), account, settings))
                .hasSeconds(2);
        assertThat(SignInThrottle.delayAfter(account.freeFailures() + 1, account, settings))
                .hasSeconds(4);
        assertThat(SignInThrottle.delayAfter(account.freeFailures() + 2, account, settings))
                .hasSeconds(8);
        assertThat(SignInThrottle.delayAfter(account.lockAfter() - 1, account, settings))
                .isEqualTo(settings.maxDelay());
        assertThat(SignInThrottle.delayAfter(account.lockAfter(), account, settings))
                .isEqualTo(settings.lockDuration());

        // Through the provider: each failure waited out, up to the lock.
        for (int i = 0; i < account.lockAfter(); i++) {
            failTimes(1, "bob", "192.0.2.2");
            clock.advance(SignInThrottle.delayAfter(i + 1, account, settings).minusSeconds(1));
            if (i + 1 >= account.freeFailures()) {
                assertThatThrownBy(() -> signIn("bob", "again", "192.0.2.2"))
                        .isInstanceOf(SignInThrottledException.class);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(directory.takeOperations()).hasSize(3 * account.lockAfter());
    }

    @Test
    void anUnknownUidGetsTheSameThrottlingAnswerAsAKnownOne() {
        failTimes(settings.account().freeFailures(), CountingDirectory.UID, "192.0.2.3");
        failTimes(settings.account().freeFailures(), "nobody-here", "192.0.2.4");
        var known = catchThrottled(() -> signIn(CountingDirectory.UID, "x", "192.0.2.3"));
        var unknown = catchThrottled(() -> signIn("nobody-here", "x", "192.0.2.4"));
        assertThat(unknown.retryAt()).isEqualTo(known.retryAt());
        assertThat(unknown.getMessage()).isEqualTo(known.getMessage());
    }

    private static SignInThrottledException catchThrottled(Callable<?> attempt) {
        try {
            attempt.call();
        } catch (SignInThrottledException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("not throttled: " + e, e);
        }
        throw new AssertionError("not throttled");
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottled_otherAddressesAreNot() {
        for (int i = 0; i < settings.address().freeFailures(); i++) {
            failTimes(1, "spray-" + i, "198.51.100.7");
        }
        assertThatThrownBy(() -> signIn("spray-next", "x", "198.51.100.7"))
                .isInstanceOf(SignInThrottledException.class);
        failTimes(1, "spray-next", "198.51.100.8");
        // The desk's successful sign-ins do not use up its address.
        for (int i = 0; i < settings.address().freeFailures() * 2; i++) {
            signIn(CountingDirectory.UID, CountingDirectory.PASSWORD, "198.51.100.9");
        }
    }

    @Test
    void twoHundredParallelAttemptsReachTheDirectoryNoMoreThanTheFreeFailures() throws Exception {
        var reached = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(16);
        try {
            var attempts = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 200; i++) {
                attempts.add(() -> {
                    try {
                        signIn(CountingDirectory.UID, "guess", "203.0.113.1");
                    } catch (SignInThrottledException e) {
                        return false;
                    } catch (BadCredentialsException e) {
                        reached.incrementAndGet();
                    }
                    return true;
                });
            }
            pool.invokeAll(attempts);
        } finally {
            pool.shutdown();
        }
        assertThat(reached.get()).isEqualTo(settings.account().freeFailures());
        assertThatThrownBy(() -> signIn(CountingDirectory.UID, CountingDirectory.PASSWORD, "203.0.113.1"))
                .isInstanceOf(SignInThrottledException.class);
    }

    @Test
    void neitherTheUidNorTheAddressNorThePasswordIsStoredOrLoggedInClear(CapturedOutput output) {
        failTimes(settings.account().freeFailures(), "Clear.Uid.Visible", "203.0.113.77");
        assertThatThrownBy(() -> signIn("Clear.Uid.Visible", "Password-In-Clear-42", "203.0.113.77"))
                .isInstanceOf(SignInThrottledException.class);
        var rows = jdbc.queryForList("SELECT key_hash FROM sign_in_failure", String.class);
        assertThat(rows).hasSize(2).allMatch(key -> key.matches("[0-9a-f]{64}"));
        assertThat(String.join(" ", rows)).doesNotContainIgnoringCase("clear").doesNotContain("203.0.113");
        assertThat(output.getAll())
                .contains("throttled")
                .doesNotContain("Password-In-Clear-42")
                .doesNotContain("wrong-");
    }

    @Test
    void theUidIsCountedAsTheDirectoryComparesIt() {
        failTimes(settings.account().freeFailures(), " Alice ", "192.0.2.10");
        assertThatThrownBy(() -> signIn("ALICE", CountingDirectory.PASSWORD, "192.0.2.11"))
                .isInstanceOf(SignInThrottledException.class);
    }

    @Test
    void failuresAreForgottenAfterADay_andTheirRowsPurged() {
        failTimes(settings.account().freeFailures(), "carol", "192.0.2.20");
        assertThatThrownBy(() -> signIn("carol", "x", "192.0.2.20")).isInstanceOf(SignInThrottledException.class);
        clock.advance(settings.forgetAfter().plusSeconds(1));
        failTimes(1, "carol", "192.0.2.20");
        assertThat(throttle.purge()).isZero(); // carol's row is fresh again

        clock.advance(settings.forgetAfter().plusSeconds(1));
        assertThat(throttle.purge()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_failure", Integer.class))
                .isZero();
    }
}
