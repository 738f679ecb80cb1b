package be.uliege.library.registration.desk;

import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.contact.ContactKind;

/**
 * Who a directory account is for, from the record as it stands (R-INT-1): the identifier as uid,
 * the names, the e-mail letters go to (R-EXT-2), the expiration date. One place for the
 * registration step, the renewal and a new password.
 */
final class AccountHolders {

    private AccountHolders() {}

    static PatronAccounts.Holder of(PatronDetails patron) {
        var email = patron.contacts().stream()
                .filter(c -> c.kind() == ContactKind.EMAIL && c.usedForLetters())
                .map(PatronDetails.Contact::display)
                .findFirst()
                .orElse(null);
        return new PatronAccounts.Holder(
                patron.id(),
                patron.primaryIdentifier(),
                patron.firstName(),
                patron.lastName(),
                email,
                patron.expirationDate());
    }
}
