package be.uliege.library.registration.base;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A date as people in Belgium type it (R-PRE-1): day, month, year — {@code 12/04/1990},
 * {@code 12.04.1990}, {@code 12-4-1990}, {@code 12 04 1990}, {@code 12041990} (eight digits, as a
 * phone's digit keyboard allows) — or the ISO order {@code 1990-04-12} / {@code 19900412}. The
 * year has four digits: a birth date written {@code 12/04/90} could be 1990 or 2090 for a
 * machine, and a person asked to write the year in full does so at once. A date that does not
 * exist (31/02) is refused, never moved to the next month.
 */
public final class TypedDates {

    /** What was understood: a date, or the code of the problem (message key {@code rule.<code>}). */
    public record Parsed(@Nullable LocalDate date, @Nullable String problem) {

        static Parsed of(LocalDate date) {
            return new Parsed(date, null);
        }

        static Parsed problem(String code) {
            return new Parsed(null, code);
        }

        public boolean isEmpty() {
            return date == null && problem == null;
        }
    }

    private static final Pattern PARTS =
            Pattern.compile("(\\d{1,4})\\s*[/.\\-\\s]\\s*(\\d{1,2})\\s*[/.\\-\\s]\\s*(\\d{1,4})");
    private static final Pattern DIGITS = Pattern.compile("\\d{6,8}");

    private TypedDates() {}

    /** The date typed, day first unless the year comes first; an empty text is neither a date nor a problem. */
    public static Parsed dayMonthYear(@Nullable String typed) {
        var text = typed == null ? "" : Text.fold(typed).strip();
        if (text.isEmpty()) {
            return new Parsed(null, null);
        }
        var parts = PARTS.matcher(text);
        if (parts.matches()) {
            var first = parts.group(1);
            var last = parts.group(3);
            if (first.length() == 4) {
                return date(first, parts.group(2), last);
            }
            if (first.length() > 2) {
                return Parsed.problem("date.unreadable");
            }
            return last.length() == 4
                    ? date(last, parts.group(2), first)
                    : Parsed.problem(last.length() <= 2 ? "date.two-digit-year" : "date.unreadable");
        }
        if (DIGITS.matcher(text).matches()) {
            if (text.length() != 8) {
                return Parsed.problem("date.two-digit-year");
            }
            var dayFirst = date(text.substring(4), text.substring(2, 4), text.substring(0, 2));
            if (dayFirst.date() != null) {
                return dayFirst;
            }
            var yearFirst = date(text.substring(0, 4), text.substring(4, 6), text.substring(6));
            return yearFirst.date() != null ? yearFirst : dayFirst;
        }
        return Parsed.problem("date.unreadable");
    }

    private static Parsed date(String year, String month, String day) {
        int y = Integer.parseInt(year);
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (m < 1 || m > 12 || d < 1 || d > 31) {
            return Parsed.problem("date.no-such-day");
        }
        try {
            return Parsed.of(LocalDate.of(y, m, d));
        } catch (DateTimeException e) {
            return Parsed.problem("date.no-such-day");
        }
    }
}
