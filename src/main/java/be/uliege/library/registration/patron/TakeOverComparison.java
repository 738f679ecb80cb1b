package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.contact.ContactKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What taking over an existing record with the data given at the desk would change (R-DESK-3,
 * R-CNV-1), field by field, read before anything is written: the operator chooses, for each field
 * that differs, the record's value or the new one, and confirms once. Nothing on the record is
 * replaced unless the operator chose the new value; the fields the record cannot keep (a
 * university group or e-mail on a converted record) say why. The take-over is refused when the
 * record changed since this comparison was read ({@link #version()}).
 *
 * @param patronId   the existing record
 * @param version    the record's version this comparison was read at
 * @param identifier the record's primary identifier now
 * @param kind       the record's kind now
 * @param conversion whether the take-over converts a former U, S or C into a B patron
 * @param rows       every field, the differing ones first
 *
 * @see "docs/decisions/0009-take-over-keeps-the-record.md"
 */
public record TakeOverComparison(
        long patronId, long version, String identifier, PatronKind kind, boolean conversion, List<Row> rows) {

    public TakeOverComparison {
        rows = List.copyOf(rows);
    }

    /** A field of the comparison; the choosable ones are the operator's to decide. */
    public enum Field {
        FIRST_NAME(true, "firstName"),
        LAST_NAME(true, "lastName"),
        GENDER(true, "gender"),
        BIRTH_DATE(true, "birthDate"),
        PREFERRED_LANGUAGE(true, "preferredLanguage"),
        USER_GROUP(true, "userGroup"),
        JOB_CATEGORY(true, "jobCategory"),
        JOB_DESCRIPTION(true, "jobDescription"),
        RESOURCE_SHARING_LIBRARY(true, "resourceSharingLibrary"),
        EMAIL(true, "contact.email"),
        PHONE(true, "contact.phone"),
        ADDRESS(true, "contact.address"),
        PRIMARY_IDENTIFIER(false, "primaryIdentifier"),
        FORMER_IDENTIFIERS(false, "identifier.former_primary"),
        ACCOUNT_TYPE(false, "accountType"),
        UNIVERSITY_KEY(false, "universityKey"),
        OWNING_SYSTEM(false, "owningSystem"),
        STATUS(false, "status"),
        EXPIRATION_DATE(false, "expirationDate");

        private final boolean choosable;
        private final String historyName;

        Field(boolean choosable, String historyName) {
            this.choosable = choosable;
            this.historyName = historyName;
        }

        /** Whether the operator chooses between the record's value and the new one. */
        public boolean choosable() {
            return choosable;
        }

        /** The field's name in the record's history (R-REC-6). */
        public String historyName() {
            return historyName;
        }

        /** The contact kind a contact field stands for. */
        public Optional<ContactKind> contactKind() {
            return switch (this) {
                case EMAIL -> Optional.of(ContactKind.EMAIL);
                case PHONE -> Optional.of(ContactKind.PHONE);
                case ADDRESS -> Optional.of(ContactKind.ADDRESS);
                default -> Optional.empty();
            };
        }

        static Field of(ContactKind kind) {
            return switch (kind) {
                case EMAIL -> EMAIL;
                case PHONE -> PHONE;
                case ADDRESS -> ADDRESS;
            };
        }

        /** Every field the operator chooses. */
        public static Set<Field> choosableFields() {
            var fields = EnumSet.noneOf(Field.class);
            for (var field : values()) {
                if (field.choosable) {
                    fields.add(field);
                }
            }
            return fields;
        }
    }

    /** How a field fares. */
    public enum Change {
        /** The record's value and the new one are the same: nothing changes. */
        SAME,
        /** They differ: the operator keeps the record's value or takes the new one. */
        CHOICE,
        /** The field changes whatever the choice: the take-over itself changes it, or the record's value cannot stay. */
        FORCED
    }

    /**
     * One field: the record's value now and the value it would get, as text (names and
     * descriptions as stored, enums by name, dates ISO, contact items one per line, in their
     * readable form); null where there is none.
     *
     * @param reason why the record's value cannot stay, for a forced choosable field
     */
    public record Row(
            Field field,
            @Nullable String current,
            @Nullable String proposed,
            Change change,
            @Nullable Violation reason) {

        /** The two values differ only by accents, capitals or spacing ("Müller", "MULLER"). */
        public boolean differsOnlyInAccentsOrCase() {
            return current != null
                    && proposed != null
                    && !current.equals(proposed)
                    && Text.searchKey(current).equals(Text.searchKey(proposed));
        }
    }

    /** The row of a field. */
    public Row row(Field field) {
        return rows.stream()
                .filter(r -> r.field() == field)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No row " + field));
    }

    /**
     * The choice the desk starts from, the safest: the record keeps every value it has, and takes
     * the new value only where it has none or cannot keep its own.
     */
    public Set<Field> defaultTakeNew() {
        var fields = EnumSet.noneOf(Field.class);
        for (var row : rows) {
            if (row.field().choosable()
                    && (row.change() == Change.FORCED
                            || row.change() == Change.CHOICE && Text.isBlank(row.current()))) {
                fields.add(row.field());
            }
        }
        return fields;
    }
}
