package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import be.uliege.library.registration.patron.internal.CheckedPatron;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of the nightly file made ready for {@link UniversityPeople#applyPrepared} away from the
 * database (issue 16: the load's reading thread prepares the next rows while the chunk before is
 * written): its primary identifier and kind, the hash of its values (R-SIS-5) and what the rules
 * said of it. Built by {@link PersonPreparation}; nothing in it is read from or written to the
 * database, so it is decided the same whichever thread made it.
 */
public final class PreparedPerson {

    private final LoadedPerson row;
    private final @Nullable PrimaryIdentifier identifier;
    private final String hash;
    private final @Nullable CheckedPatron checked;
    /** Why the row cannot be applied at all (its identifier), or why the rules refuse its values. */
    private final @Nullable PatronRuleException refused;

    PreparedPerson(
            LoadedPerson row,
            @Nullable PrimaryIdentifier identifier,
            String hash,
            @Nullable CheckedPatron checked,
            @Nullable PatronRuleException refused) {
        this.row = row;
        this.identifier = identifier;
        this.hash = hash;
        this.checked = checked;
        this.refused = refused;
    }

    /** The row as the load mapped it. */
    public LoadedPerson row() {
        return row;
    }

    /** Why the row's identifier cannot be one of the university's people; null when it can. */
    @Nullable
    List<Violation> identifierRefused() {
        return identifier == null && refused != null ? refused.violations() : null;
    }

    PrimaryIdentifier identifier() {
        if (identifier == null) {
            throw new IllegalStateException("A row refused for its identifier is never applied");
        }
        return identifier;
    }

    String hash() {
        return hash;
    }

    /** The row's values as the rules accept them; {@link PatronRuleException} otherwise. */
    CheckedPatron checked() {
        if (checked == null) {
            throw refused != null
                    ? refused
                    : new IllegalStateException("A prepared row was neither checked nor refused");
        }
        return checked;
    }
}
