package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.SharedLimits;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A proof-of-work challenge instead of a third-party CAPTCHA (R-PRE-6). The server hands out a
 * signed challenge {@code <expiry>.<random>.<hmac>}; the browser (or the integrating site) finds a
 * nonce such that SHA-256({@code challenge + ":" + nonce}) starts with the configured number of
 * zero bits — a second for a person, a real cost for a flood. The server keeps no state per
 * challenge except the ones already used, until they expire: in the database ({@link SharedLimits}),
 * so that a challenge spent on one instance is refused by the others. Every instance signs with
 * the same {@code PREREGISTRATION_CHALLENGE_SECRET} (required by the prod profile); without it each
 * start draws its own key.
 */
@Component
public class ProofOfWork {

    /** A challenge to solve and how hard it is. */
    public record Challenge(String challenge, int difficulty, Instant expiresAt) {}

    private final PreRegistrationSettings.Challenge settings;
    private final Clock clock;
    private final byte[] key;
    private final SecureRandom random = new SecureRandom();
    private final SharedLimits spent;

    ProofOfWork(PreRegistrationSettings settings, Clock clock, SharedLimits spent) {
        this.settings = settings.challenge();
        this.clock = clock;
        this.spent = spent;
        if (this.settings.secret().isBlank()) {
            this.key = new byte[32];
            random.nextBytes(this.key);
        } else {
            this.key = this.settings.secret().getBytes(StandardCharsets.UTF_8);
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public Challenge issue() {
        var expires = clock.instant().plus(settings.validity());
        var nonce = new byte[12];
        random.nextBytes(nonce);
        var body = expires.getEpochSecond() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return new Challenge(body + "." + sign(body), settings.difficulty(), expires);
    }

    /** True when the challenge is ours, unexpired, unused, and the nonce solves it; it is then used up. */
    public boolean verify(@Nullable String challenge, @Nullable String nonce) {
        if (challenge == null || nonce == null || challenge.length() > 200 || nonce.length() > 64) {
            return false;
        }
        var parts = challenge.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        var body = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(
                sign(body).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        } catch (NumberFormatException e) {
            return false;
        }
        var now = clock.instant();
        if (now.isAfter(expires) || leadingZeroBits(sha256(challenge + ":" + nonce)) < settings.difficulty()) {
            return false;
        }
        return spent.spendOnce("preregistration.challenge", challenge, Duration.between(now, expires));
    }

    /** Solves a challenge, as a browser would: for tests, benchmarks and trusted integrations. */
    public static String solve(String challenge, int difficulty) {
        for (long n = 0; ; n++) {
            var nonce = Long.toString(n, 36);
            if (leadingZeroBits(sha256(challenge + ":" + nonce)) >= difficulty) {
                return nonce;
            }
        }
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
