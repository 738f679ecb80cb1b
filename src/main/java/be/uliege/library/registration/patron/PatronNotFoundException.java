package be.uliege.library.registration.patron;

/** No patron with this id (it may have been purged). */
public class PatronNotFoundException extends RuntimeException {

    public PatronNotFoundException(long id) {
        super("No patron with id " + id);
    }
}
