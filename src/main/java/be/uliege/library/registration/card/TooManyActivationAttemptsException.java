package be.uliege.library.registration.card;

/** R-CARD-5: the client tried too many activations; it may try again after {@link #retryAfterSeconds()}. */
public class TooManyActivationAttemptsException extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyActivationAttemptsException(long retryAfterSeconds) {
        super("Too many card activation attempts; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
