package be.uliege.library.registration.security;

import java.time.Instant;
import org.springframework.security.authentication.AccountStatusException;

/**
 * Too many failed sign-ins for this uid or from this address (R-DESK-1): the attempt was refused
 * without asking the directory, whether the uid exists or not.
 */
class SignInThrottledException extends AccountStatusException {

    private final Instant retryAt;

    SignInThrottledException(Instant retryAt) {
        super("Too many sign-in attempts");
        this.retryAt = retryAt;
    }

    /** When the next attempt may be made. */
    Instant retryAt() {
        return retryAt;
    }
}
