package be.uliege.library.registration.base;

import be.uliege.library.registration.patron.PatronDraft;
import java.util.List;

/**
 * One broken rule: the field it concerns, a stable code (the message key is {@code rule.<code>})
 * and the arguments of the message. Screens and interfaces show the translated message beside the
 * field.
 *
 * @param field a field name of {@link PatronDraft}, or a dotted path into a contact item
 *              ({@code emails[0].value})
 */
public record Violation(String field, String code, List<Object> args) {

    public Violation {
        args = List.copyOf(args);
    }

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, List.of(args));
    }

    /** The key of the message in the bundles. */
    public String messageKey() {
        return "rule." + code;
    }
}
