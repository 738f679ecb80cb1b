package be.uliege.library.registration.patron;

/**
 * A patron record's id, the key other modules keep beside their own rows (a card, a fee, a
 * registration, a directory account). Typed at the patron module's API so that a card's or a
 * fee's id, also a number, cannot be passed where a patron's is meant.
 *
 * <p>The events between modules keep the plain number: they are stored as JSON in the event
 * registry until every listener is done, and a stored event must still read after an upgrade.
 */
public record PatronId(long value) {

    public PatronId {
        if (value <= 0) {
            throw new IllegalArgumentException("A patron id is positive: " + value);
        }
    }

    public static PatronId of(long value) {
        return new PatronId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
