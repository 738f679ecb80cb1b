package be.uliege.library.registration.patron;

import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.internal.ContactItem;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One line of a search result. */
public record PatronSummary(
        long id,
        String primaryIdentifier,
        PatronKind kind,
        String firstName,
        String lastName,
        @Nullable LocalDate birthDate,
        PatronStatus status,
        LocalDate expirationDate,
        @Nullable String email,
        Synchronization synchronization) {

    static PatronSummary of(Patron p) {
        return new PatronSummary(
                p.getId(),
                p.getPrimaryIdentifier(),
                p.getKind(),
                p.getFirstName(),
                p.getLastName(),
                p.getBirthDate(),
                p.getStatus(),
                p.getExpirationDate(),
                p.preferred(ContactKind.EMAIL).map(ContactItem::getValue).orElse(null),
                Synchronization.of(p.getKind(), p.getAccountType(), p.getSynchronizedOn()));
    }
}
