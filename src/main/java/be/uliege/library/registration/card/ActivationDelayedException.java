package be.uliege.library.registration.card;

/**
 * R-CARD-5: too many wrong codes for this identifier (from this network, or from all networks):
 * no try is examined, the right code included, until {@link #retryAfterSeconds()} have passed. The
 * same for an identifier that exists and one that does not.
 */
public class ActivationDelayedException extends TooManyActivationAttemptsException {

    ActivationDelayedException(long retryAfterSeconds) {
        super(retryAfterSeconds);
    }
}
