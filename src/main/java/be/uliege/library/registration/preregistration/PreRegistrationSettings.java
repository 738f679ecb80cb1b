package be.uliege.library.registration.preregistration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param privacyNoticeVersion  the version of the privacy notice the public accepts
 * @param unconfirmedRetention  how long an unconfirmed pre-registration lives (R-PRE-4)
 * @param unvalidatedRetention  how long a confirmed one waits for the desk before deletion
 * @param reminderAfter         when the reminder about an unvalidated one is sent
 * @param purgeCron             when the expiry job runs
 * @param challenge             the proof-of-work challenge (R-PRE-6)
 * @param rateLimit             the rate limits (R-PRE-6)
 */
@ConfigurationProperties("preregistration")
public record PreRegistrationSettings(
        @DefaultValue("2026-1") String privacyNoticeVersion,
        @DefaultValue("7d") Duration unconfirmedRetention,
        @DefaultValue("90d") Duration unvalidatedRetention,
        @DefaultValue("60d") Duration reminderAfter,
        @DefaultValue("0 17 * * * *") String purgeCron,
        @DefaultValue Challenge challenge,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param enabled    on by default; off only for a trusted integration
     * @param difficulty leading zero bits the SHA-256 of challenge and nonce must have
     * @param validity   how long a challenge can be used
     * @param secret     HMAC key of the challenges; a random one per start when empty
     */
    public record Challenge(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("16") int difficulty,
            @DefaultValue("10m") Duration validity,
            @DefaultValue("") String secret) {}

    /**
     * @param enabled    on by default; off only for a trusted integration
     * @param perAddress submissions per client address and window
     * @param perNetwork submissions per /24 (IPv4) or /48 (IPv6) network and window
     * @param perEmail   submissions per e-mail address and window
     * @param window     the window
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int perAddress,
            @DefaultValue("30") int perNetwork,
            @DefaultValue("3") int perEmail,
            @DefaultValue("1h") Duration window) {}
}
