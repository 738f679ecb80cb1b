package be.uliege.library.registration.directory;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A patron's directory account to create or update, published in the transaction that activated
 * the patron and written to the directory after the commit (R-DESK-4, R-INT-1). It carries the
 * password already hashed (salted), never in clear: the event is stored until it completes.
 *
 * @param requestId the request; an older one retried after a newer one is dropped
 */
public record PatronAccountRequested(
        String requestId,
        long patronId,
        String uid,
        String givenName,
        String surname,
        @Nullable String email,
        LocalDate expiration,
        String passwordHash) {

    @Override
    public String toString() {
        return "PatronAccountRequested[" + requestId + ", patron " + patronId + "]"; // no names, no hash in logs
    }
}
