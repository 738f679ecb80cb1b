package be.uliege.library.registration.patron.identifier;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * A patron's primary identifier: its prefix says who the patron is (R-ID-1) and it matches the
 * configured format of that kind (R-ID-2). Letters are taken in upper case.
 */
@NamedInterface("identifier")
public record PrimaryIdentifier(String value, PatronKind kind) {

    /**
     * Checks a typed identifier against the configured formats.
     *
     * @throws InvalidValueException {@code identifier.required}, {@code identifier.unknown-prefix} or
     *                               {@code identifier.format} (with the expected format)
     */
    public static PrimaryIdentifier parse(String raw, PatronSettings settings) {
        if (Text.isBlank(raw)) {
            throw new InvalidValueException("identifier.required");
        }
        var value = raw.strip().toUpperCase(Locale.ROOT);
        if (value.length() > 32 || Text.hasInvisibleOrControl(value)) {
            throw new InvalidValueException("identifier.format", "U/S/C/B/BX + 6");
        }
        var kind = PatronKind.ofIdentifier(value)
                .orElseThrow(() -> new InvalidValueException("identifier.unknown-prefix"));
        var format = settings.identifierFormats().get(kind);
        if (format == null || !Pattern.compile(format).matcher(value).matches()) {
            throw new InvalidValueException("identifier.format", example(kind));
        }
        return new PrimaryIdentifier(value, kind);
    }

    /** An example of the default format, for messages: B123456, BX123456. */
    static String example(PatronKind kind) {
        return kind.name() + "123456";
    }

    @Override
    public String toString() {
        return value;
    }
}
