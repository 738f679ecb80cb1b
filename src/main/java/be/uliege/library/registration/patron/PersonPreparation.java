package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import org.springframework.stereotype.Component;

/**
 * Makes a row of the nightly file ready to apply (issue 16): the part of {@link UniversityPeople}'s
 * work that needs no database — the identifier's kind, the hash of the values (R-SIS-5) and the
 * rules' check of every value (R-SIS-1) — so that the load's reading thread does it for the next
 * rows while the load's own thread writes the chunk before. It reads and writes no data: a
 * component, not a service, callable from a thread without a signed-in principal.
 */
@Component
public class PersonPreparation {

    private final PatronRules rules;
    private final PatronSettings settings;

    PersonPreparation(PatronRules rules, PatronSettings settings) {
        this.rules = rules;
        this.settings = settings;
    }

    /** The row made ready; a row the rules refuse is prepared too, with its reasons. */
    public PreparedPerson prepare(LoadedPerson row) {
        PrimaryIdentifier identifier;
        try {
            identifier = PrimaryIdentifier.parse(row.primaryIdentifier(), settings);
            if (!identifier.kind().isUniversity()) {
                throw new PatronRuleException(
                        Violation.of("primaryIdentifier", "load.not-university", identifier.value()));
            }
        } catch (PatronRuleException e) {
            return new PreparedPerson(row, null, "", null, e);
        }
        var hash = UniversityPeople.hash(row);
        try {
            return new PreparedPerson(
                    row, identifier, hash, rules.check(row.draft(), identifier.kind(), PatronRules.Actor.LOAD), null);
        } catch (PatronRuleException e) {
            return new PreparedPerson(row, identifier, hash, null, e);
        }
    }
}
