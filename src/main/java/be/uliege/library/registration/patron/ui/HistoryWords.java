package be.uliege.library.registration.patron.ui;

import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A history line (R-REC-6) in the words staff use, in the desk's language: "Téléphone (mobile)"
 * rather than {@code contact.phone.44}, "Femme (Madame)" rather than {@code F}. The names come from
 * the record's snapshot ({@code Patron.snapshot()}) and from the steps recorded beside it (identity
 * check, fees, receipt, registration, directory account, welcome mail, card, photo, note,
 * deactivation); a name written by a newer step without words yet is shown as it is.
 */
final class HistoryWords {

    /** A contact item's value as the snapshot writes it: source, usage, "preferred", then its display. */
    private static final Pattern CONTACT_VALUE =
            Pattern.compile("(LOCAL|EXTERNAL) ([A-Z_]+) (preferred )?(.*)", Pattern.DOTALL);

    /** The record's fields that already have a label on the record's screen. */
    private static final Map<String, String> RECORD_FIELDS = Map.ofEntries(
            Map.entry("firstName", "patron.firstName"),
            Map.entry("lastName", "patron.lastName"),
            Map.entry("gender", "patron.gender"),
            Map.entry("birthDate", "patron.birthDate"),
            Map.entry("preferredLanguage", "patron.preferredLanguage"),
            Map.entry("userGroup", "patron.userGroup"),
            Map.entry("jobCategory", "patron.jobCategory"),
            Map.entry("jobDescription", "patron.jobDescription"),
            Map.entry("resourceSharingLibrary", "patron.resourceSharingLibrary"),
            Map.entry("status", "patron.status"),
            Map.entry("expirationDate", "patron.expirationDate"),
            Map.entry("purgeDate", "patron.purgeDate"),
            Map.entry("accountType", "patron.accountType"),
            Map.entry("institutionalRecord", "patron.institutionalRecord"),
            Map.entry("owningSystem", "patron.owningSystem"),
            Map.entry("universityKey", "identifier.type.UNIVERSITY_KEY"));

    /** Fields with a label of their own in the history ("history.field." + name): mostly steps beside the record. */
    private static final Set<String> HISTORY_FIELDS = Set.of(
            "primaryIdentifier",
            "identityCheck",
            "note",
            "deactivation",
            "fee",
            "receipt",
            "registration",
            "directoryAccount",
            "welcomeMail",
            "card",
            "photo",
            "takeOverKept",
            "retentionHold",
            "dataAccess",
            "mergedWith",
            "password",
            "renewal",
            "renewalMail",
            "renewalReminder",
            "alumnus",
            "universityLoad");

    private final BiFunction<String, Object[], String> translation;

    /** @param translation the screen's {@code getTranslation(key, arguments)} */
    HistoryWords(BiFunction<String, Object[], String> translation) {
        this.translation = translation;
    }

    /** The field changed, as a person would name it. */
    String field(HistoryLine line) {
        var name = line.field();
        if (RECORD_FIELDS.containsKey(name)) {
            return text(RECORD_FIELDS.get(name)).orElse(name);
        }
        if (HISTORY_FIELDS.contains(name)) {
            return text("history.field." + name).orElse(name);
        }
        var parts = name.split("\\.", 3);
        if (parts.length == 3 && parts[0].equals("contact")) {
            var kind = parseEnum(ContactKind.class, parts[1]);
            if (kind != null) {
                var usage = contact(line.newValue() != null ? line.newValue() : line.oldValue())
                        .usage();
                return (usage == null
                                ? Optional.<String>empty()
                                : text("history.contact." + kind.name() + "." + usage.name()))
                        .or(() -> text("history.contact." + kind.name()))
                        .orElse(name);
            }
        }
        if (parts.length == 3 && parts[0].equals("identifier")) {
            var type = parseEnum(IdentifierType.class, parts[1]);
            if (type != null) {
                return text("identifier.type." + type.name()).orElse(name);
            }
        }
        return name;
    }

    /** A value of the field, as a person would read it. */
    String value(HistoryLine line, @Nullable String value) {
        if (value == null || value.equals("null")) {
            return "";
        }
        var name = line.field();
        return switch (name) {
            case "gender" -> text("patron.gender." + value).orElse(value);
            case "status" -> text("patron.status." + value).orElse(value);
            case "accountType" -> text("patron.accountType." + value).orElse(value);
            case "preferredLanguage" ->
                text("desk.form.language." + value.toUpperCase(Locale.ROOT)).orElse(value);
            case "institutionalRecord" ->
                text("true".equals(value) ? "common.yes" : "common.no").orElse(value);
            case "identityCheck" ->
                parseEnum(IdentityDocument.class, value) == null
                        ? value
                        : text("desk.identity." + value).orElse(value);
            case "takeOverKept" -> keptFields(value);
            default -> name.startsWith("contact.") ? contactValue(line, value) : value;
        };
    }

    /** The fields a take-over kept, named: "lastName, contact.email" reads "Nom, Adresse e-mail". */
    private String keptFields(String value) {
        var names = new ArrayList<String>();
        for (var name : value.split(",\\s*")) {
            var kind = name.startsWith("contact.") ? parseEnum(ContactKind.class, name.substring(8)) : null;
            names.add(
                    kind != null
                            ? text("history.contact." + kind.name()).orElse(name)
                            : RECORD_FIELDS.containsKey(name)
                                    ? text(RECORD_FIELDS.get(name)).orElse(name)
                                    : name);
        }
        return String.join(", ", names);
    }

    /** The contact item's display, with its usage when it differs from the one the field names. */
    private String contactValue(HistoryLine line, String value) {
        var item = contact(value);
        if (item.display() == null) {
            return value;
        }
        var named = contact(line.newValue() != null ? line.newValue() : line.oldValue())
                .usage();
        var text = new StringBuilder(item.display());
        if (item.usage() != null && item.usage() != named) {
            text.append(" · ")
                    .append(text("contact.usage." + item.usage().name())
                            .orElse(item.usage().name()));
        }
        if (item.preferred()) {
            text.append(" · ").append(text("contact.preferred").orElse(""));
        }
        if (item.source() == ContactSource.EXTERNAL) {
            text.append(" · ").append(text("contact.source.EXTERNAL").orElse(""));
        }
        return text.toString();
    }

    private record Contact(
            @Nullable ContactSource source,
            @Nullable ContactUsage usage,
            boolean preferred,
            @Nullable String display) {}

    private static Contact contact(@Nullable String value) {
        if (value == null) {
            return new Contact(null, null, false, null);
        }
        var matcher = CONTACT_VALUE.matcher(value);
        if (!matcher.matches()) {
            return new Contact(null, null, false, null);
        }
        return new Contact(
                ContactSource.valueOf(matcher.group(1)),
                parseEnum(ContactUsage.class, matcher.group(2)),
                matcher.group(3) != null,
                matcher.group(4));
    }

    /** The translation, or nothing when the bundle lacks the key (Vaadin then answers "!fr: key"). */
    private Optional<String> text(String key) {
        var text = translation.apply(key, new Object[0]);
        return text == null || text.isBlank() || (text.startsWith("!") && text.endsWith(key))
                ? Optional.empty()
                : Optional.of(text);
    }

    private static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, String name) {
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(name)) {
                return constant;
            }
        }
        return null;
    }
}
