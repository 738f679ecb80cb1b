package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.patron.contact.EmailAddress;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The e-mail of a public submission, parsed once (R-CON-1, R-PRE-6): the checked address when it
 * parses, what was typed otherwise. The rate limit per e-mail and the double-submit key compare it
 * by {@link #key()}, built from the form the record stores, so that two spellings of one stored
 * address count as one. An address that does not parse is refused by the patron rules with their
 * own message; it is still counted, by what was typed.
 *
 * @param address the checked address, when the typed one parses
 * @param typed   what was typed, empty when nothing was
 */
record SubmittedEmail(@Nullable EmailAddress address, String typed) {

    static SubmittedEmail of(@Nullable String typed) {
        var text = typed == null ? "" : typed;
        try {
            return new SubmittedEmail(EmailAddress.parse(text), text);
        } catch (InvalidValueException unusable) {
            return new SubmittedEmail(null, text);
        }
    }

    Optional<EmailAddress> checked() {
        return Optional.ofNullable(address);
    }

    boolean isBlank() {
        return typed.isBlank();
    }

    /**
     * The comparison form: the stored value ({@link EmailAddress#value()}: NFKC, stripped, the
     * domain in lower-case ASCII without a trailing dot) in lower case. The record keeps the local
     * part's letter case, as typed; the limits and the double-submit key ignore it, as the
     * database's collation does when the stored value is looked up, so that {@code Anne@…} and
     * {@code anne@…} are one mailbox for them. What does not parse is compared stripped and in
     * lower case.
     */
    String key() {
        var form = address == null ? typed.strip() : address.value();
        return form.toLowerCase(Locale.ROOT);
    }
}
