package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.Violation;
import java.util.List;

/**
 * What became of a public submission ({@link PublicSubmissions#accept}): the page and the API only
 * put it into words or into an HTTP answer.
 */
public sealed interface SubmissionOutcome {

    /**
     * Stored, or found stored already (R-PRE-3).
     *
     * @param repeated the same submission came before: this is the entry it made
     */
    record Accepted(String identifier, PreRegistrationStatus status, boolean repeated) implements SubmissionOutcome {}

    /** A robot (R-PRE-6): the hidden field was filled, or the challenge was not solved. */
    record Robot(Trap trap) implements SubmissionOutcome {}

    /** What gave the robot away. */
    enum Trap {
        HIDDEN_FIELD,
        CHALLENGE
    }

    /** The client, its network or the e-mail went over its limit (R-PRE-6). */
    record TooMany(long retryAfterSeconds) implements SubmissionOutcome {}

    /** The form breaks rules (R-PRE-2); each is listed with the form's field name. Nothing was stored. */
    record Invalid(List<Violation> violations) implements SubmissionOutcome {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** The same submission is being stored by another request at this moment: ask again. */
    record Concurrent() implements SubmissionOutcome {}
}
