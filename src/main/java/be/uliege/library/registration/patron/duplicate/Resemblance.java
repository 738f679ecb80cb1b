package be.uliege.library.registration.patron.duplicate;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.Gender;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How much two people look like the same person, with the reasons in words (R-PRE-5, R-DESK-3):
 * the score staff see beside a candidate, and the public form's flag. Names are compared accent,
 * case and punctuation aside, by sound ({@link NameSounds}), by the forms of one first name
 * ({@link FirstNameForms}: Bob and Robert, Mohamed and Muhammad), by transliteration ({@link
 * NameSounds#broad}: Shevchenko and Chevtchenko), with typos, compound and married names, and
 * first and last names swapped; then the birth date, e-mail and phone.
 *
 * <p>Evidence counts both ways. For: same e-mail 45, same phone 30; same birth date 35, nearly the
 * same (one digit, two neighbouring digits swapped, day and month swapped) 15; surname the same
 * 30, sounding or transliterated alike 25, nearly the same 20, sharing a part 15; first name the
 * same 20, another form of it or sounding alike 15, nearly the same 12, sharing a part 8. Against:
 * a different first name −40 (and Louis/Louise, Daniel/Daniela, Lena/Lina are different first
 * names, not typos: a feminine ending, or a letter replaced by one that is not its neighbour on a
 * keyboard); birth dates that are not a typo of each other −15, and −60 when they are
 * {@value #DECADES} years or more apart (a parent and a child of the same name). A birth year before
 * 1900 or in the future is a typo that says nothing. Genders both known, F and M, differ: −50 (twins
 * of names a typo apart, Dana and Daan); X or unknown says nothing.
 *
 * <p>A shared e-mail or phone is what a household has in common: it counts in full only when the
 * first names agree, half when they share a part, and not at all when they differ. So couples,
 * siblings, twins and parents with children sharing a family address or phone are not made
 * candidates by it; staff still see the shared contact ({@link Score#isWorthShowing}).
 *
 * <p>The score is capped at 0 and 100; a candidate is shown from {@link #CANDIDATE}. Names
 * matching only when first and last are swapped count as matching, with that reason.
 *
 * <p>Longer than most classes: each piece of evidence is a small method beside the weight it feeds;
 * they are tuned and measured together on the labelled sets (bench/duplicates-quality.sh).
 */
public final class Resemblance {

    /** From this score a record is shown as a possible duplicate. */
    public static final int CANDIDATE = 60;
    /** Birth dates this many years apart are two generations, not a typo. */
    static final int DECADES = 15;

    /**
     * Who is compared: names, birth date, e-mail addresses and phone numbers (digits only), and the
     * gender when known.
     */
    public record Person(
            String firstName,
            String lastName,
            @Nullable LocalDate birthDate,
            Set<String> emails,
            Set<String> phones,
            @Nullable Gender gender) {
        public Person(
                String firstName,
                String lastName,
                @Nullable LocalDate birthDate,
                Set<String> emails,
                Set<String> phones) {
            this(firstName, lastName, birthDate, emails, phones, null);
        }
    }

    /** A reason, as a message key of the bundles ({@code duplicate.reason.<key>}). */
    public enum Reason {
        SAME_EMAIL,
        SAME_PHONE,
        DIFFERENT_GENDER,
        SAME_BIRTH_DATE,
        BIRTH_DATE_NEARLY,
        BIRTH_DATE_DIFFERENT,
        BIRTH_DATES_DECADES_APART,
        SAME_SURNAME,
        SURNAME_SOUNDS_ALIKE,
        SURNAME_NEARLY,
        SURNAME_SHARES_PART,
        SAME_FIRST_NAME,
        FIRST_NAME_OTHER_FORM,
        FIRST_NAME_SOUNDS_ALIKE,
        FIRST_NAME_NEARLY,
        FIRST_NAME_SHARES_PART,
        NAMES_SWAPPED,
        DIFFERENT_FIRST_NAME
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
    public static Function<Person, Score> against(Person a) {
        var firstA = Name.of(a.firstName());
        var lastA = Name.of(a.lastName());
        var emailsA = lowerCase(a.emails());
        return b -> score(a, emailsA, firstA, lastA, b, Name.of(b.firstName()), Name.of(b.lastName()));
    }

    private static Score score(
            Person a, Set<String> emailsA, Name firstA, Name lastA, Person b, Name firstB, Name lastB) {
        var reasons = new ArrayList<Reason>();
        int points = 0;
        int contact = 0;
        if (emailsA.stream().anyMatch(lowerCase(b.emails())::contains)) {
            contact += 45;
            reasons.add(Reason.SAME_EMAIL);
        }
        if (a.phones().stream().anyMatch(b.phones()::contains)) {
            contact += 30;
            reasons.add(Reason.SAME_PHONE);
        }
        if (a.gender() != null
                && b.gender() != null
                && a.gender() != Gender.X
                && b.gender() != Gender.X
                && a.gender() != b.gender()) {
            points -= 50; // a brother and a sister (Dana, Daan), not one person who mistyped a name
            reasons.add(Reason.DIFFERENT_GENDER);
        }
        if (a.birthDate() != null && b.birthDate() != null) {
            if (a.birthDate().equals(b.birthDate())) {
                points += 35;
                reasons.add(Reason.SAME_BIRTH_DATE);
            } else if (nearlySameDate(a.birthDate(), b.birthDate())) {
                points += 15;
                reasons.add(Reason.BIRTH_DATE_NEARLY);
            } else if (!plausible(a.birthDate()) || !plausible(b.birthDate())) {
                // a year 1671 or 7960 is a typo that says nothing about who is who
            } else if (Math.abs(ChronoUnit.YEARS.between(a.birthDate(), b.birthDate())) >= DECADES) {
                points -= 60;
                reasons.add(Reason.BIRTH_DATES_DECADES_APART);
            } else {
                points -= 15;
                reasons.add(Reason.BIRTH_DATE_DIFFERENT);
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
        // What a household shares says little about who is who: it counts as far as the first names
        // agree and the birth dates do not say two generations.
        if (reasons.contains(Reason.BIRTH_DATES_DECADES_APART)) {
            contact = 0;
        } else if (reasons.contains(Reason.BIRTH_DATE_DIFFERENT)) {
            contact /= 2;
        }
        points += switch (names.first()) {
            case SAME, OTHER_FORM, SOUNDS_ALIKE, NEARLY -> contact;
            case SHARES_PART -> contact / 2;
            case DIFFERENT -> 0;
        };
        return new Score(Math.max(0, Math.min(100, points)), List.copyOf(reasons));
    }

    /** A birth date that can be someone's. */
    private static boolean plausible(LocalDate date) {
        return date.getYear() >= 1900 && date.getYear() <= LocalDate.now().getYear();
    }

    private record NamePoints(int points, List<Reason> reasons, Likeness first) {}

    private static NamePoints names(Name lastA, Name lastB, Name firstA, Name firstB) {
        var reasons = new ArrayList<Reason>();
        int points = 0;
        switch (compare(lastA, lastB, false)) {
            case SAME -> {
                points += 30;
                reasons.add(Reason.SAME_SURNAME);
            }
            case OTHER_FORM, SOUNDS_ALIKE -> {
                points += 25;
                reasons.add(Reason.SURNAME_SOUNDS_ALIKE);
            }
            case NEARLY -> {
                points += 20;
                reasons.add(Reason.SURNAME_NEARLY);
            }
            case SHARES_PART -> {
                points += 15;
                reasons.add(Reason.SURNAME_SHARES_PART);
            }
            case DIFFERENT -> {}
        }
        var first = compare(firstA, firstB, true);
        switch (first) {
            case SAME -> {
                points += 20;
                reasons.add(Reason.SAME_FIRST_NAME);
            }
            case OTHER_FORM -> {
                points += 15;
                reasons.add(Reason.FIRST_NAME_OTHER_FORM);
            }
            case SOUNDS_ALIKE -> {
                points += 15;
                reasons.add(Reason.FIRST_NAME_SOUNDS_ALIKE);
            }
            case NEARLY -> {
                points += 12;
                reasons.add(Reason.FIRST_NAME_NEARLY);
            }
            case SHARES_PART -> {
                points += 8;
                reasons.add(Reason.FIRST_NAME_SHARES_PART);
            }
            case DIFFERENT -> {
                points -= 40;
                reasons.add(Reason.DIFFERENT_FIRST_NAME);
            }
        }
        return new NamePoints(points, reasons, first);
    }

    enum Likeness {
        SAME,
        OTHER_FORM,
        SOUNDS_ALIKE,
        NEARLY,
        SHARES_PART,
        DIFFERENT
    }

    /** A name's comparison forms, worked out once. */
    private record Name(String joined, String sound, String broad, String skeleton, List<String> partSounds) {
        static Name of(@Nullable String raw) {
            var key = Text.searchKey(raw);
            var parts = Arrays.stream(key.split(" "))
                    .filter(p -> p.length() >= 3 && !PARTICLES.contains(p))
                    .map(NameSounds::of)
                    .toList();
            var broad = NameSounds.broad(key);
            return new Name(key.replace(" ", ""), NameSounds.of(key), broad, NameSounds.skeleton(broad), parts);
        }
    }

    /** How alike two names are, from the closest to the farthest. */
    private static Likeness compare(Name a, Name b, boolean firstNames) {
        if (a.joined().isEmpty() || b.joined().isEmpty()) {
            return Likeness.DIFFERENT;
        }
        if (a.joined().equals(b.joined())) {
            return Likeness.SAME;
        }
        if (firstNames && FirstNameForms.sameName(a.joined(), b.joined())) {
            return Likeness.OTHER_FORM;
        }
        if (firstNames && otherGender(a.joined(), b.joined())) {
            return Likeness.DIFFERENT;
        }
        if (!a.sound().isEmpty() && (a.sound().equals(b.sound()) || a.broad().equals(b.broad()))) {
            return Likeness.SOUNDS_ALIKE;
        }
        int shorter = Math.min(a.joined().length(), b.joined().length());
        if (shorter >= 4 && Math.abs(a.joined().length() - b.joined().length()) <= 2) {
            int distance = distance(a.joined(), b.joined());
            if (distance <= (shorter >= 8 ? 2 : 1) && (!firstNames || distance > 1 || typo(a.joined(), b.joined()))) {
                return Likeness.NEARLY;
            }
        }
        if (firstNames && shortForm(a.joined(), b.joined())) {
            return Likeness.OTHER_FORM;
        }
        if (!firstNames && a.skeleton().length() >= 3 && a.skeleton().equals(b.skeleton())) {
            return Likeness.NEARLY; // Cherqui, Sharqi; Bekkali, Bakali: vowels written as heard
        }
        if (firstNames
                && a.skeleton().length() >= 3
                && shorter >= 5
                && a.skeleton().equals(b.skeleton())) {
            return Likeness.SOUNDS_ALIKE; // Abdelkader, Abdulkadir; Mustapha, Mostafa
        }
        if (a.partSounds().stream().anyMatch(b.partSounds()::contains)) {
            return Likeness.SHARES_PART;
        }
        return Likeness.DIFFERENT;
    }

    /** Endings that make a name its feminine or another name of the family: Louis/Louise, Jan/Jana, Marius/Maria. */
    private static final Set<String> ENDINGS = Set.of(
            "e", "a", "o", "i", "n", "s", "t", "ie", "ia", "ne", "na", "le", "la", "ce", "os", "ine", "ina", "ette",
            "elle", "ienne", "enne", "us", "is", "io", "ka", "ene");

    /**
     * Two first names of one stem and different endings (Louis, Louise; Daniel, Danielle; Julien,
     * Julie; Clément, Clémence; Lucas, Luca; Konstantinos, Konstantina): brothers and sisters, twins,
     * not a typo. Compared with {@code y} as {@code i} and letters written twice counted once, so
     * that Oleksiy and Oleksii, Anastasia and Anastasiia stay one name; a letter dropped inside the
     * ending (Martine, Martne) is a typo.
     */
    static boolean otherGender(String a, String b) {
        var na = NameSounds.once(a.replace('y', 'i'));
        var nb = NameSounds.once(b.replace('y', 'i'));
        int common = 0;
        while (common < na.length() && common < nb.length() && na.charAt(common) == nb.charAt(common)) {
            common++;
        }
        if (common < 3 || na.equals(nb)) {
            return false;
        }
        var endA = na.substring(common);
        var endB = nb.substring(common);
        if (endA.isEmpty() || endB.isEmpty()) {
            return ENDINGS.contains(endA + endB);
        }
        return ENDINGS.contains(endA)
                && ENDINGS.contains(endB)
                && endA.charAt(endA.length() - 1) != endB.charAt(endB.length() - 1);
    }

    /**
     * A short form that is the beginning or the end of the full name, three letters or more: Flo for
     * Florian, Theo for Theodoor, Majid for Abdelmajid, Griet for Margriet.
     */
    static boolean shortForm(String a, String b) {
        var shorter = a.length() <= b.length() ? a : b;
        var longer = shorter == a ? b : a;
        return shorter.length() >= 3
                && longer.length() >= shorter.length() + 2
                && (longer.startsWith(shorter) || longer.endsWith(shorter));
    }

    /**
     * True when one edit between two names of the same length or one letter apart is a plausible
     * typo: a letter dropped, added or doubled, two neighbours swapped, or a letter replaced by its
     * neighbour on an AZERTY, QWERTY or QWERTZ keyboard. Lena for Lina, Eline for Elise are not.
     */
    static boolean typo(String a, String b) {
        if (a.length() != b.length()) {
            return true;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first < 0) {
                    first = i;
                } else {
                    return true; // two letters swapped
                }
            }
        }
        return first < 0 || Keyboards.neighbours(a.charAt(first), b.charAt(first));
    }

    private static final Set<String> PARTICLES =
            Set.of("van", "den", "der", "von", "del", "des", "les", "ter", "ten", "het", "zum", "zur");

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

    /** The date, the dates one digit off or with two neighbouring digits swapped, and the date with day and month swapped: where a typo lands. */
    public static List<LocalDate> nearlySameDates(LocalDate date) {
        var dates = new LinkedHashSet<LocalDate>();
        dates.add(date);
        dates.add(date.minusYears(10));
        dates.add(date.plusYears(10));
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
                    } catch (DateTimeException notADate) {
                        // 1990-13-45 is nobody's birth date
                    }
                }
            }
            text[i] = original;
            if (i + 1 < text.length && Character.isDigit(text[i + 1]) && text[i + 1] != original) {
                text[i] = text[i + 1];
                text[i + 1] = original;
                try {
                    dates.add(LocalDate.parse(new String(text)));
                } catch (DateTimeException notADate) {
                    // 1990-04-21 from 1990-04-12 is a date; 1990-40-12 is not
                }
                text[i + 1] = text[i];
                text[i] = original;
            }
        }
        return List.copyOf(dates);
    }

    /**
     * One digit of the date mistyped, two neighbouring digits swapped (1987, 1978), the decade slipped
     * (1993 for 2003), or day and month swapped.
     */
    static boolean nearlySameDate(LocalDate a, LocalDate b) {
        if (a.getYear() == b.getYear()
                && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue()) {
            return true;
        }
        if (a.getMonthValue() == b.getMonthValue()
                && a.getDayOfMonth() == b.getDayOfMonth()
                && Math.abs(a.getYear() - b.getYear()) == 10) {
            return true; // the decade slipped: 1993 for 2003
        }
        var textA = a.toString();
        var textB = b.toString();
        int differing = 0;
        int at = -1;
        for (int i = 0; i < textA.length(); i++) {
            if (textA.charAt(i) != textB.charAt(i)) {
                differing++;
                at = at < 0 ? i : at;
            }
        }
        return differing == 1
                || differing == 2
                        && at + 1 < textA.length()
                        && textA.charAt(at) == textB.charAt(at + 1)
                        && textA.charAt(at + 1) == textB.charAt(at);
    }

    /**
     * E-mail addresses compared without case, whatever was stored: a person who types
     * "Jean.Dupont@skynet.be" once and "jean.dupont@skynet.be" the next time is the same person for
     * matching, even though the local part may in theory be case-sensitive (R-DESK-3).
     */
    private static Set<String> lowerCase(Set<String> emails) {
        return emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
