package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.Violation;
import java.util.List;

/** The submission breaks rules; each is listed with the form's field name. */
public class PreRegistrationRejectedException extends RuntimeException {

    private final List<Violation> violations;

    public PreRegistrationRejectedException(List<Violation> violations) {
        super(violations.size() + " field(s) refused");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
