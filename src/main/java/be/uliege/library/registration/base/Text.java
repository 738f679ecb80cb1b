package be.uliege.library.registration.base;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Hygiene for text typed by people: Unicode normalisation, invisible and control characters, and
 * the accent-, case- and punctuation-insensitive form used for searching and comparing.
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
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
                || (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
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
        var stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NON_ALNUM.matcher(stripped).replaceAll(" ").strip();
    }
}
