package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.Violation;
import java.util.ArrayList;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Accepting a public pre-registration (R-PRE-1…3, R-PRE-6), the one use case behind the page and
 * the API. The defences run in one order, the cheapest refusal first, so that a robot costs the
 * server as little as possible and only a person's submission is counted or checked:
 *
 * <ol>
 *   <li>the hidden field (nothing to compute),
 *   <li>the proof-of-work challenge (a hash, then one row that spends it),
 *   <li>the rate limits per client address, network and e-mail (a counted row each; every
 *       submission that got this far counts, a refused one too),
 *   <li>the rules of the form, then the storage, which returns the entry a repeated submission made.
 * </ol>
 *
 * <p>Not transactional: the identifier is reserved in its own short transaction and the entry
 * stored in another ({@link PreRegistrationService#submit}).
 */
@Service
public class PublicSubmissions {

    private final PreRegistrationService registrations;
    private final ProofOfWork proofOfWork;
    private final RateLimiter rateLimiter;

    PublicSubmissions(PreRegistrationService registrations, ProofOfWork proofOfWork, RateLimiter rateLimiter) {
        this.registrations = registrations;
        this.proofOfWork = proofOfWork;
        this.rateLimiter = rateLimiter;
    }

    /** Runs the defences, then the rules, then stores the pre-registration. */
    // Anyone: the public pre-registration (R-PRE-1…4), guarded here by challenge, rate limits and honeypot.
    @PreAuthorize("permitAll()")
    public SubmissionOutcome accept(Submission submission) {
        if (submission.honeypot() != null && !submission.honeypot().isEmpty()) {
            return new SubmissionOutcome.Robot(SubmissionOutcome.Trap.HIDDEN_FIELD);
        }
        if (proofOfWork.enabled() && !proofOfWork.verify(submission.challenge(), submission.nonce())) {
            return new SubmissionOutcome.Robot(SubmissionOutcome.Trap.CHALLENGE);
        }
        var form = submission.form();
        var email = SubmittedEmail.of(form.email());
        try {
            rateLimiter.acquire(submission.clientAddress(), email);
        } catch (TooManyRequestsException e) {
            return new SubmissionOutcome.TooMany(e.retryAfterSeconds());
        }
        if (!submission.unreadable().isEmpty()) {
            // Fields of the wrong type: reported with every other broken rule, and nothing stored.
            var errors = new ArrayList<>(submission.unreadable());
            var failedFields = errors.stream().map(Violation::field).toList();
            for (var v : registrations.check(form)) {
                if (!failedFields.contains(v.field())) {
                    errors.add(v);
                }
            }
            return new SubmissionOutcome.Invalid(errors);
        }
        try {
            var submitted = registrations.submit(form, email);
            return new SubmissionOutcome.Accepted(submitted.identifier(), submitted.status(), submitted.repeated());
        } catch (PreRegistrationRejectedException e) {
            return new SubmissionOutcome.Invalid(e.violations());
        } catch (PreRegistrationService.ConcurrentSubmissionException e) {
            return new SubmissionOutcome.Concurrent();
        }
    }
}
