package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** A change refused because it breaks rules; each broken rule is listed with its field. */
public class PatronRuleException extends RuntimeException {

    private final List<Violation> violations;

    public PatronRuleException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).collect(Collectors.joining(", ")));
        this.violations = List.copyOf(violations);
    }

    public PatronRuleException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
