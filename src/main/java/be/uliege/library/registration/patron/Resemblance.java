package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How much two people look like the same person, with the reasons in words (R-PRE-5, R-DESK-3):
 * the score staff see beside a candidate, and the public form's flag. Names are compared accent,
 * case and punctuation aside, by sound ({@link NameSounds}), with typos, compound and married
 * names, and first and last names swapped; then the birth date, e-mail and phone.
 *
 * <p>Points (the score is capped at 100; a candidate is shown from {@link #CANDIDATE}):
 * same e-mail 45, same phone 30; same birth date 35, nearly the same (one digit, day and month
 * swapped) 15; surname the same 30, sounding alike 25, nearly the same 20, sharing a part 15;
 * first name the same 20, sounding alike 15, nearly the same 12, sharing a part 10. A first name
 * that matches nothing costs 40 when the surnames match (siblings, twins sharing a phone). Names matching
 * only when first and last are swapped count as matching, with that reason.
 */
public final class Resemblance {

    /** From this score a record is shown as a possible duplicate. */
    public static final int CANDIDATE = 60;

    /** Who is compared: names, birth date, e-mail addresses and phone numbers (digits only). */
    public record Person(String firstName, String lastName, @Nullable LocalDate birthDate, Set<String> emails,
            Set<String> phones) {}

    /** A reason, as a message key of the bundles ({@code duplicate.reason.<key>}). */
    public enum Reason {
        SAME_EMAIL, SAME_PHONE, SAME_BIRTH_DATE, BIRTH_DATE_NEARLY, SAME_SURNAME, SURNAME_SOUNDS_ALIKE,
        SURNAME_NEARLY, SURNAME_SHARES_PART, SAME_FIRST_NAME, FIRST_NAME_SOUNDS_ALIKE, FIRST_NAME_NEARLY,
        FIRST_NAME_SHARES_PART, NAMES_SWAPPED, DIFFERENT_FIRST_NAME
    }

    /** The score, 0 to 100, and why. */
    public record Score(int value, List<Reason> reasons) {
        public boolean isCandidate() {
            return value >= CANDIDATE;
        }

        /** Shown to staff: a candidate, or a shared e-mail or phone even below the score, for them to look. */
        public boolean isWorthShowing() {
            return isCandidate() || reasons.contains(Reason.SAME_EMAIL) || reasons.contains(Reason.SAME_PHONE);
        }
    }

    private Resemblance() {}

    public static Score of(Person a, Person b) {
        return against(a).apply(b);
    }

    /** Scores many people against one, working out that one's name forms only once. */
    public static java.util.function.Function<Person, Score> against(Person a) {
        var firstA = Name.of(a.firstName());
        var lastA = Name.of(a.lastName());
        return b -> score(a, firstA, lastA, b, Name.of(b.firstName()), Name.of(b.lastName()));
    }

    private static Score score(Person a, Name firstA, Name lastA, Person b, Name firstB, Name lastB) {
        var reasons = new ArrayList<Reason>();
        int points = 0;
        if (sameEmail(a.emails(), b.emails())) {
            points += 45;
            reasons.add(Reason.SAME_EMAIL);
        }
        if (intersects(a.phones(), b.phones())) {
            points += 30;
            reasons.add(Reason.SAME_PHONE);
        }
        if (a.birthDate() != null && b.birthDate() != null) {
            if (a.birthDate().equals(b.birthDate())) {
                points += 35;
                reasons.add(Reason.SAME_BIRTH_DATE);
            } else if (nearlySameDate(a.birthDate(), b.birthDate())) {
                points += 15;
                reasons.add(Reason.BIRTH_DATE_NEARLY);
            }
        }
        var straight = names(lastA, lastB, firstA, firstB);
        var swapped = names(lastA, firstB, firstA, lastB);
        var names = swapped.points() > straight.points() + 10 ? swapped : straight;
        points += names.points();
        if (names == swapped) {
            reasons.add(Reason.NAMES_SWAPPED);
        }
        reasons.addAll(names.reasons());
        return new Score(Math.max(0, Math.min(100, points)), List.copyOf(reasons));
    }

    private record NamePoints(int points, List<Reason> reasons) {}

    private static NamePoints names(Name lastA, Name lastB, Name firstA, Name firstB) {
        var reasons = new ArrayList<Reason>();
        int points = 0;
        var surname = compare(lastA, lastB);
        switch (surname) {
            case SAME -> { points += 30; reasons.add(Reason.SAME_SURNAME); }
            case SOUNDS_ALIKE -> { points += 25; reasons.add(Reason.SURNAME_SOUNDS_ALIKE); }
            case NEARLY -> { points += 20; reasons.add(Reason.SURNAME_NEARLY); }
            case SHARES_PART -> { points += 15; reasons.add(Reason.SURNAME_SHARES_PART); }
            case DIFFERENT -> { }
        }
        switch (compare(firstA, firstB)) {
            case SAME -> { points += 20; reasons.add(Reason.SAME_FIRST_NAME); }
            case SOUNDS_ALIKE -> { points += 15; reasons.add(Reason.FIRST_NAME_SOUNDS_ALIKE); }
            case NEARLY -> { points += 12; reasons.add(Reason.FIRST_NAME_NEARLY); }
            case SHARES_PART -> { points += 10; reasons.add(Reason.FIRST_NAME_SHARES_PART); }
            case DIFFERENT -> {
                if (surname != Likeness.DIFFERENT) {
                    points -= 40;
                    reasons.add(Reason.DIFFERENT_FIRST_NAME);
                }
            }
        }
        return new NamePoints(points, reasons);
    }

    enum Likeness { SAME, SOUNDS_ALIKE, NEARLY, SHARES_PART, DIFFERENT }

    /** A name's comparison forms, worked out once. */
    private record Name(String joined, String sound, List<String> partSounds) {
        static Name of(@Nullable String raw) {
            var key = Text.searchKey(raw);
            var parts = Arrays.stream(key.split(" ")).filter(p -> p.length() >= 3 && !PARTICLES.contains(p))
                    .map(NameSounds::of).toList();
            return new Name(key.replace(" ", ""), NameSounds.of(key), parts);
        }
    }

    /** How alike two names are, from the closest to the farthest. */
    private static Likeness compare(Name a, Name b) {
        if (a.joined().isEmpty() || b.joined().isEmpty()) {
            return Likeness.DIFFERENT;
        }
        if (a.joined().equals(b.joined())) {
            return Likeness.SAME;
        }
        if (!a.sound().isEmpty() && a.sound().equals(b.sound())) {
            return Likeness.SOUNDS_ALIKE;
        }
        int shorter = Math.min(a.joined().length(), b.joined().length());
        if (shorter >= 4 && Math.abs(a.joined().length() - b.joined().length()) <= 2
                && distance(a.joined(), b.joined()) <= (shorter >= 8 ? 2 : 1)) {
            return Likeness.NEARLY;
        }
        if (a.partSounds().stream().anyMatch(b.partSounds()::contains)) {
            return Likeness.SHARES_PART;
        }
        return Likeness.DIFFERENT;
    }

    private static final Set<String> PARTICLES = Set.of("van", "den", "der", "von", "del", "des", "les", "ter", "ten",
            "het", "zum", "zur");

    /** Damerau–Levenshtein distance (with transpositions of neighbours), for typos. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The date, the dates one digit off, and the date with day and month swapped: where a typo lands. */
    public static List<LocalDate> nearlySameDates(LocalDate date) {
        var dates = new java.util.LinkedHashSet<LocalDate>();
        dates.add(date);
        if (date.getDayOfMonth() <= 12) {
            dates.add(LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()));
        }
        var text = date.toString().toCharArray();
        for (int i = 0; i < text.length; i++) {
            if (!Character.isDigit(text[i])) {
                continue;
            }
            char original = text[i];
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != original) {
                    text[i] = digit;
                    try {
                        dates.add(LocalDate.parse(new String(text)));
                    } catch (java.time.DateTimeException notADate) {
                        // 1990-13-45 is nobody's birth date
                    }
                }
            }
            text[i] = original;
        }
        return List.copyOf(dates);
    }

    /** One digit of the date mistyped, or day and month swapped. */
    static boolean nearlySameDate(LocalDate a, LocalDate b) {
        if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth() && a.getDayOfMonth() == b.getMonthValue()) {
            return true;
        }
        var textA = a.toString();
        var textB = b.toString();
        int differing = 0;
        for (int i = 0; i < textA.length(); i++) {
            if (textA.charAt(i) != textB.charAt(i)) {
                differing++;
            }
        }
        return differing == 1;
    }

    /**
     * E-mail addresses compared without case, whatever was stored: a person who types
     * "Jean.Dupont@skynet.be" once and "jean.dupont@skynet.be" the next time is the same person for
     * matching, even though the local part may in theory be case-sensitive (R-DESK-3).
     */
    private static boolean sameEmail(Set<String> a, Set<String> b) {
        var lower = b.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        return a.stream().anyMatch(e -> lower.contains(e.toLowerCase(java.util.Locale.ROOT)));
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }
}
