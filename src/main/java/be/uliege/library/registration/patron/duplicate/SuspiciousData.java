package be.uliege.library.registration.patron.duplicate;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.contact.EmailAddress;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Data that the rules accept but that a desk operator should look at twice before validating
 * (R-DESK-2: "suspicious data flagged"): a name typed as a test or all in capitals, a first name
 * equal to the last name, an improbable age, a throw-away e-mail address, a phone number of one
 * repeated digit or a counting sequence, a street without a house number, a name written with
 * letters of another alphabet that pass for Latin ones, an e-mail domain that imitates the
 * university's (docs/decisions/0007-confusable-input.md). These never block
 * anything; they are flags with a reason in words, each the key of a translated sentence
 * ({@code suspicious.<code>}).
 */
public final class SuspiciousData {

    /** Why the data look suspicious. */
    public enum Reason {
        NAME_TEST,
        NAME_SAME,
        NAME_CASE,
        NAME_LOOKALIKE,
        AGE,
        EMAIL_DISPOSABLE,
        EMAIL_LOOKALIKE,
        PHONE_PATTERN,
        ADDRESS_NO_NUMBER;

        /** The translation key of the sentence that explains it. */
        public String key() {
            return "suspicious." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Younger than this, a patron registering alone is unusual (school pupils come with a form). */
    static final int YOUNGEST = 14;
    /** Older than this, the birth date is more likely a typing slip than a fact. */
    static final int OLDEST = 100;

    /** Names people type to try a form out. */
    private static final Set<String> TEST_NAMES = Set.of(
            "test",
            "tests",
            "testing",
            "essai",
            "toto",
            "titi",
            "tata",
            "tutu",
            "azerty",
            "qwerty",
            "qwertz",
            "asdf",
            "aaa",
            "abc",
            "abcd",
            "foo",
            "nom",
            "prenom",
            "name",
            "firstname",
            "lastname",
            "naam",
            "voornaam",
            "vorname",
            "nachname",
            "xyz",
            "bidon",
            "fake");

    /** Throw-away mail services: a library card's letters and reminders would never reach anyone. */
    private static final Set<String> DISPOSABLE_DOMAINS = Set.of(
            "mailinator.com",
            "yopmail.com",
            "yopmail.fr",
            "yopmail.net",
            "guerrillamail.com",
            "guerrillamail.net",
            "sharklasers.com",
            "10minutemail.com",
            "temp-mail.org",
            "tempmail.com",
            "trashmail.com",
            "trashmail.de",
            "jetable.org",
            "maildrop.cc",
            "getnada.com",
            "dispostable.com",
            "throwawaymail.com",
            "mailnesia.com",
            "spambog.com",
            "wegwerfmail.de");

    private static final Pattern LETTERS = Pattern.compile("\\p{L}");
    private static final Pattern REPEATED_LETTER = Pattern.compile("(\\p{L})\\1\\1", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /**
     * Cyrillic and Greek letters drawn exactly like Latin ones in ordinary fonts: a word written only
     * with them ("Рорре") reads as a Latin name but is not one.
     */
    private static final String LATIN_LOOKALIKE_LETTERS = "АВЕКМНОРСТХЅІЈаеорсухѕіјԁһӏԛԝ" + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιν";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");

    private SuspiciousData() {}

    /**
     * Every reason to look twice at the draft, in a stable order; empty when nothing stands out.
     * Without the university's domains, no e-mail is checked for imitating them.
     */
    public static List<Reason> of(PatronDraft draft, LocalDate today) {
        return of(draft, today, List.of());
    }

    /** Every reason to look twice at the draft, in a stable order; empty when nothing stands out. */
    public static List<Reason> of(PatronDraft draft, LocalDate today, List<String> universityDomains) {
        var reasons = new ArrayList<Reason>();
        var first = Text.searchKey(draft.firstName());
        var last = Text.searchKey(draft.lastName());
        if (isTestName(first) || isTestName(last) || (first.equals(last) && first.length() <= 3 && !first.isEmpty())) {
            reasons.add(Reason.NAME_TEST);
        } else if (!first.isEmpty() && first.equals(last)) {
            reasons.add(Reason.NAME_SAME);
        }
        if (shouted(draft.firstName()) || shouted(draft.lastName())) {
            reasons.add(Reason.NAME_CASE);
        }
        if (lookalike(draft.firstName()) || lookalike(draft.lastName())) {
            reasons.add(Reason.NAME_LOOKALIKE);
        }
        if (draft.birthDate() != null && !draft.birthDate().isAfter(today)) {
            int age = Period.between(draft.birthDate(), today).getYears();
            if (age < YOUNGEST || age > OLDEST) {
                reasons.add(Reason.AGE);
            }
        }
        boolean disposable = false;
        boolean imitation = false;
        boolean phonePattern = false;
        boolean noNumber = false;
        for (var contact : draft.contacts()) {
            var value = Text.tidy(contact.value());
            if (value == null || value.isBlank()) {
                continue;
            }
            switch (contact.kind()) {
                case EMAIL -> {
                    disposable |= DISPOSABLE_DOMAINS.contains(domain(value));
                    imitation |= imitatesUniversity(value, universityDomains);
                }
                case PHONE -> phonePattern |= patterned(value);
                case ADDRESS -> noNumber |= !DIGIT.matcher(value).find();
            }
        }
        if (disposable) {
            reasons.add(Reason.EMAIL_DISPOSABLE);
        }
        if (imitation) {
            reasons.add(Reason.EMAIL_LOOKALIKE);
        }
        if (phonePattern) {
            reasons.add(Reason.PHONE_PATTERN);
        }
        if (noNumber) {
            reasons.add(Reason.ADDRESS_NO_NUMBER);
        }
        return List.copyOf(reasons);
    }

    private static boolean isTestName(String key) {
        return TEST_NAMES.contains(key)
                || REPEATED_LETTER.matcher(key).find() && key.length() <= 4
                || key.length() == 1;
    }

    /** All in capitals (or all in small letters) over more than two letters: "DUPONT", "marie". */
    private static boolean shouted(@Nullable String name) {
        if (name == null) {
            return false;
        }
        long letters = LETTERS.matcher(name).results().count();
        return letters > 2
                && (name.equals(name.toUpperCase(Locale.ROOT)) || name.equals(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * A word of the name mixes alphabets ("Dupоnt" with a Cyrillic о), or is written only with
     * Cyrillic or Greek letters that look Latin ("Рорре"). People do carry names in several
     * scripts, so this is a flag, not a refusal.
     */
    static boolean lookalike(@Nullable String name) {
        if (name == null) {
            return false;
        }
        var folded = Text.fold(name);
        return WORD.matcher(folded)
                .results()
                .map(MatchResult::group)
                .anyMatch(word -> Text.mixesScripts(word)
                        || word.codePoints().filter(Character::isLetter).count() >= 2
                                && word.codePoints()
                                        .filter(Character::isLetter)
                                        .allMatch(cp -> LATIN_LOOKALIKE_LETTERS.indexOf(cp) >= 0));
    }

    private static boolean imitatesUniversity(String email, List<String> universityDomains) {
        if (universityDomains.isEmpty()) {
            return false;
        }
        try {
            return EmailAddress.parse(email).imitatesDomains(universityDomains);
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static String domain(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** The subscriber's digits are one digit repeated, or a run counting up or down ("0123456789"). */
    static boolean patterned(String phone) {
        var digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("0032")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("32") && phone.strip().startsWith("+")) {
            digits = digits.substring(2);
        }
        digits = digits.replaceFirst("^0", ""); // the trunk prefix
        if (digits.length() < 6) {
            return false;
        }
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < digits.length(); i++) {
            int step = digits.charAt(i) - digits.charAt(i - 1);
            same &= step == 0;
            up &= step == 1 || step == -9;
            down &= step == -1 || step == 9;
        }
        return same || up || down;
    }
}
