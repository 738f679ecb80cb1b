package be.uliege.library.registration.patron.contact;

import be.uliege.library.registration.base.Text;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Pattern;

/**
 * A phone number, stored as digits only (R-CON-2): the international form without the plus sign,
 * so {@code 0475 12 34 56} and {@code +32 475 12 34 56} are both stored as {@code 32475123456}.
 * People may type spaces, dots, slashes, dashes, brackets, a leading {@code +} or {@code 00};
 * letters are refused. The number must be plausible for its country.
 *
 * @see "docs/decisions/0002-phone-numbers.md"
 */
public record PhoneNumber(String digits) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern TYPABLE = Pattern.compile("[0-9 ./()\\-+]+");
    private static final Pattern SEPARATORS = Pattern.compile("[ ./()\\-]");

    public PhoneNumber {
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Phone numbers are stored as digits only");
        }
    }

    /**
     * Checks a typed number.
     *
     * @param defaultRegion the region of numbers typed without a country code ({@code BE})
     * @throws InvalidValueException {@code phone.required}, {@code phone.too-long}, {@code phone.letters},
     *                               {@code phone.characters}, {@code phone.invalid}
     */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        if (Text.isBlank(raw)) {
            throw new InvalidValueException("phone.required");
        }
        var typed = raw.strip();
        if (typed.length() > 40) {
            throw new InvalidValueException("phone.too-long");
        }
        if (typed.codePoints().anyMatch(Character::isLetter)) {
            throw new InvalidValueException("phone.letters");
        }
        if (!TYPABLE.matcher(typed).matches() || typed.lastIndexOf('+') > 0) {
            throw new InvalidValueException("phone.characters");
        }
        var compact = SEPARATORS.matcher(typed).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        try {
            var number = UTIL.parse(compact, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw new InvalidValueException("phone.invalid");
            }
            return new PhoneNumber(
                    UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164).substring(1));
        } catch (NumberParseException e) {
            throw new InvalidValueException("phone.invalid");
        }
    }

    /** The number as people read it: {@code +32 475 12 34 56}. */
    public String display() {
        try {
            return UTIL.format(UTIL.parse("+" + digits, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return "+" + digits;
        }
    }

    @Override
    public String toString() {
        return digits;
    }
}
