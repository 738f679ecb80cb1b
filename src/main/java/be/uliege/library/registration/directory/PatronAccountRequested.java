package be.uliege.library.registration.directory;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A patron's directory account to create or update, published in the transaction that activated
 * the patron and written to the directory after the commit (R-DESK-4, R-INT-1). It carries the
 * password already hashed (salted), never in clear: the event is stored until it completes.
 *
 * @param requestId  the request; an older one retried after a newer one is dropped
 * @param mustChange the directory is told that the password must be changed at the next login,
 *     where it keeps a password policy (R-DESK-8); false in events stored before it existed
 */
public record PatronAccountRequested(
        String requestId,
        long patronId,
        String uid,
        String givenName,
        String surname,
        @Nullable String email,
        LocalDate expiration,
        String passwordHash,
        boolean mustChange) {

    /** A request whose password need not be changed at the next login. */
    public PatronAccountRequested(
            String requestId,
            long patronId,
            String uid,
            String givenName,
            String surname,
            @Nullable String email,
            LocalDate expiration,
            String passwordHash) {
        this(requestId, patronId, uid, givenName, surname, email, expiration, passwordHash, false);
    }

    @Override
    public String toString() {
        return "PatronAccountRequested[" + requestId + ", patron " + patronId + "]"; // no names, no hash in logs
    }
}
