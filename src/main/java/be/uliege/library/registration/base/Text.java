package be.uliege.library.registration.base;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Hygiene for text typed by people: Unicode normalisation, invisible and control characters, and
 * the accent-, case- and punctuation-insensitive form used for searching and comparing.
 *
 * @see "docs/decisions/0007-confusable-input.md"
 */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {}

    /** NFC-normalised, trimmed, inner white space collapsed to one space; {@code null} stays null. */
    public static @Nullable String tidy(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        var normalised = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return SPACES.matcher(normalised).replaceAll(" ").strip();
    }

    /**
     * Like {@link #tidy}, after folding compatibility characters to the letters they stand for
     * (NFKC): fullwidth {@code Ｍüｌｌｅｒ} becomes {@code Müller}, the ligature {@code ﬁ} becomes
     * {@code fi}, the Dutch {@code ĳ} becomes {@code ij}, circled, mathematical and superscript
     * letters and digits become plain ones. The result is in NFC, as NFKC text always is. Used for
     * names, address lines, cities and job descriptions (docs/decisions/0007-confusable-input.md),
     * not for notes, where {@code m²} or {@code ½} mean what they say.
     */
    public static @Nullable String fold(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        var folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }

    /** Most combining marks one letter of the Latin, Greek or Cyrillic alphabet carries in real writing (polytonic ᾧ). */
    static final int MARKS_ON_ALPHABET_LETTER = 3;
    /** Most combining marks one letter of another script carries (Hebrew: dagesh, shin dot, vowel and meteg). */
    static final int MARKS_ON_OTHER_LETTER = 4;
    /** Most marks that no precomposed letter holds on one Latin, Greek or Cyrillic letter (Ewe ɛ̃́). */
    static final int LEFTOVER_MARKS_ON_LETTER = 2;

    /**
     * True when combining marks are stacked or scattered beyond what real writing uses, as in "Zalgo"
     * text: more than {@value #MARKS_ON_ALPHABET_LETTER} marks on a Latin, Greek or Cyrillic letter
     * (Vietnamese {@code ễ} has two, polytonic Greek {@code ᾧ} three) or {@value #MARKS_ON_OTHER_LETTER}
     * on a letter of another script (Hebrew niqqud, Arabic harakat, Indic vowel signs), counted once
     * decomposed (NFD); a mark on something that is not a letter (a space, a hyphen, a digit, the
     * start); an enclosing mark (a circle or a keycap drawn around a character); on a Latin, Greek or
     * Cyrillic letter, more than {@value #LEFTOVER_MARKS_ON_LETTER} marks that no precomposed letter
     * holds; and a word of these alphabets in which most letters, three or more, carry such marks
     * (Yoruba {@code Ọ̀ṣọ́ọ̀lá} has them on half its letters). Hangul syllables decompose into jamo,
     * which are letters, not marks.
     */
    public static boolean hasStackedMarks(String value) {
        var decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        int base = -1;
        int marks = 0;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (!isMark(cp)) {
                base = cp;
                marks = 0;
                continue;
            }
            if (Character.getType(cp) == Character.ENCLOSING_MARK || base < 0 || !Character.isLetter(base)) {
                return true;
            }
            marks++;
            if (marks > (isAlphabet(base) ? MARKS_ON_ALPHABET_LETTER : MARKS_ON_OTHER_LETTER)) {
                return true;
            }
        }
        return hasScatteredLeftoverMarks(Normalizer.normalize(value, Normalizer.Form.NFC));
    }

    /** The marks left over once composed (NFC), on letters of the Latin, Greek and Cyrillic alphabets. */
    private static boolean hasScatteredLeftoverMarks(String composed) {
        int letters = 0;
        int marked = 0;
        int base = -1;
        int leftover = 0;
        for (int i = 0; i <= composed.length(); ) {
            int cp = i < composed.length() ? composed.codePointAt(i) : ' ';
            i += i < composed.length() ? Character.charCount(cp) : 1;
            if (isMark(cp)) {
                if (base >= 0 && isAlphabet(base) && ++leftover == 1) {
                    marked++;
                }
                if (leftover > LEFTOVER_MARKS_ON_LETTER) {
                    return true;
                }
                continue;
            }
            leftover = 0;
            if (Character.isLetter(cp)) {
                base = cp;
                letters++;
            } else {
                // the end of a word
                if (marked >= 3 && marked * 2 > letters) {
                    return true;
                }
                base = -1;
                letters = 0;
                marked = 0;
            }
        }
        return false;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isAlphabet(int cp) {
        var script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.LATIN
                || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC;
    }

    /** True when the value is null, empty or only white space (including no-break spaces). */
    public static boolean isBlank(@Nullable String value) {
        return value == null || value.strip().isEmpty();
    }

    /**
     * True when the value holds a character that has no place in a name, an address or an e-mail:
     * control characters (line breaks and tabs included), zero-width characters, bidirectional
     * overrides and isolates (used to disguise text), private-use and unassigned code points.
     */
    public static boolean hasInvisibleOrControl(String value) {
        return value.codePoints().anyMatch(Text::isInvisibleOrControl);
    }

    private static boolean isInvisibleOrControl(int cp) {
        if (isDefaultIgnorable(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT // zero-width joiners, bidi overrides (U+202A..E, U+2066..9), soft hyphen
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Unicode's default-ignorable characters that Java files as letters or marks: they display as
     * nothing (Hangul fillers, the combining grapheme joiner, variation selectors).
     */
    private static boolean isDefaultIgnorable(int cp) {
        return cp == 0x034F
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x3164
                || cp == 0xFFA0
                || (cp >= 0x17B4 && cp <= 0x17B5)
                || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /**
     * True when the letters of the value come from more than one script (Latin mixed with Cyrillic
     * or Greek, say), which is how look-alike spoofs are made. Digits, spaces and punctuation are
     * common to all scripts and do not count.
     */
    public static boolean mixesScripts(String value) {
        Character.UnicodeScript first = null;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            var script = writingSystem(Character.UnicodeScript.of(cp));
            if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
                continue;
            }
            if (first == null) {
                first = script;
            } else if (first != script) {
                return true;
            }
        }
        return false;
    }

    /** Scripts that one language writes together count as one: Japanese kana with kanji, Korean with hanja. */
    private static Character.UnicodeScript writingSystem(Character.UnicodeScript script) {
        return switch (script) {
            case HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> Character.UnicodeScript.HAN;
            default -> script;
        };
    }

    /**
     * The comparison form of a text: accents removed, lower case, ligatures and special letters
     * spelled out (ß → ss, œ → oe, æ → ae, ø → o, ł → l, đ → d), any run of other characters turned
     * into one space. "Dupré-Van den Bossche" becomes "dupre van den bossche".
     */
    public static String searchKey(@Nullable String value) {
        if (value == null) {
            return "";
        }
        var lower = value.toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("ı", "i");
        var stripped =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NON_ALNUM.matcher(stripped).replaceAll(" ").strip();
    }
}
