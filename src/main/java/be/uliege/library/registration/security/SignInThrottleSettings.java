package be.uliege.library.registration.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff sign-in throttling (R-DESK-1): after {@code freeFailures} failures in a row an account, or a
 * client address, waits 2, 4, 8… seconds (at most {@code maxDelay}) before its next attempt; after
 * {@code lockAfter} failures it is locked for {@code lockDuration} after each further failure.
 * Failures are forgotten {@code forgetAfter} the last one; a successful sign-in clears the account.
 *
 * @param secret         key under which uids and addresses are hashed before they are stored
 * @param account        the limits per account (the uid as typed, trimmed and in small letters)
 * @param address        the limits per client address: higher, a desk's computers may share one
 * @param maxDelay       the longest growing delay
 * @param lockDuration   how long a lock lasts after each failure past {@code lockAfter}
 * @param forgetAfter    failures older than this, counted from the last one, no longer count
 * @param purgeCron      when rows older than {@code forgetAfter} are deleted
 */
@ConfigurationProperties("registration.security.sign-in")
record SignInThrottleSettings(
        String secret,
        @DefaultValue Limits account,
        @DefaultValue Limits address,
        @DefaultValue("PT5M") Duration maxDelay,
        @DefaultValue("PT15M") Duration lockDuration,
        @DefaultValue("PT24H") Duration forgetAfter,
        @DefaultValue("0 23 * * * *") String purgeCron) {

    /**
     * @param freeFailures failures allowed without delay
     * @param lockAfter    failures after which the key is locked
     */
    record Limits(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("20") int lockAfter) {}

    SignInThrottleSettings {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("registration.security.sign-in.secret must be set");
        }
    }
}
