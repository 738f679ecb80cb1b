package be.uliege.library.registration.patron.identifier;

/** No number is left in an identifier range: an administrator must extend it (R-ID-3). */
public class IdentifierRangeExhaustedException extends RuntimeException {

    public IdentifierRangeExhaustedException(String sequence) {
        super("The identifier range " + sequence + " is used up");
    }
}
