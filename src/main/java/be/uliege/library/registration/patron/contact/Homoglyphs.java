package be.uliege.library.registration.patron.contact;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps letters of other scripts that look like Latin letters to those letters, so that a domain
 * written with look-alikes can be compared with the real one (a small part of Unicode's
 * confusables list: the Cyrillic and Greek letters that pass for Latin ones in lower case).
 *
 * @see "docs/decisions/0007-confusable-input.md"
 */
final class Homoglyphs {

    private static final Map<Character, Character> LATIN_LOOKALIKES = Map.ofEntries(
            Map.entry('а', 'a'),
            Map.entry('в', 'b'),
            Map.entry('с', 'c'),
            Map.entry('ԁ', 'd'),
            Map.entry('е', 'e'),
            Map.entry('ё', 'e'),
            Map.entry('һ', 'h'),
            Map.entry('і', 'i'),
            Map.entry('ї', 'i'),
            Map.entry('ј', 'j'),
            Map.entry('к', 'k'),
            Map.entry('ӏ', 'l'),
            Map.entry('м', 'm'),
            Map.entry('п', 'n'),
            Map.entry('о', 'o'),
            Map.entry('р', 'p'),
            Map.entry('ԛ', 'q'),
            Map.entry('г', 'r'),
            Map.entry('ѕ', 's'),
            Map.entry('т', 't'),
            Map.entry('υ', 'u'),
            Map.entry('ѵ', 'v'),
            Map.entry('ԝ', 'w'),
            Map.entry('х', 'x'),
            Map.entry('у', 'y'),
            Map.entry('ɡ', 'g'),
            Map.entry('ɩ', 'i'),
            Map.entry('ο', 'o'),
            Map.entry('α', 'a'),
            Map.entry('ε', 'e'),
            Map.entry('ι', 'i'),
            Map.entry('κ', 'k'),
            Map.entry('ν', 'v'),
            Map.entry('ρ', 'p'),
            Map.entry('τ', 't'),
            Map.entry('χ', 'x'),
            Map.entry('γ', 'y'),
            Map.entry('ı', 'i'),
            Map.entry('ℓ', 'l'));

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Homoglyphs() {}

    /**
     * The form in which a domain label is compared with the university's to spot a look-alike
     * (docs/decisions/0007-confusable-input.md): lower case, compatibility characters folded,
     * accents removed and special letters spelled out ({@code uliège} → {@code uliege}), Cyrillic and
     * Greek look-alikes read as Latin, hyphens dropped, {@code rn} read as {@code m} and {@code vv} as
     * {@code w}, and the letters and digits that pass for one another in a domain merged: {@code i},
     * {@code l}, {@code 1} and {@code |} read as {@code l} (a capital I is an l in most fonts, and
     * domains are lower-cased before anyone sees them), {@code 0} as {@code o}.
     */
    static String domainSkeleton(String label) {
        var lower = Normalizer.normalize(label, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("ħ", "h");
        var plain = MARKS.matcher(Normalizer.normalize(skeleton(lower), Normalizer.Form.NFD))
                .replaceAll("");
        return plain.replace("-", "")
                .replace("rn", "m")
                .replace("vv", "w")
                .replace('i', 'l')
                .replace('1', 'l')
                .replace('|', 'l')
                .replace('0', 'o');
    }

    /**
     * True when two domain labels look alike: the same skeleton, or, from four letters on, the same
     * first and last letters with the letters between them in another order ({@code uélige} for
     * {@code uliege}): a reader takes in a word by its ends and its letters, not their order.
     */
    static boolean labelsLookAlike(String label, String original) {
        var a = domainSkeleton(label);
        var b = domainSkeleton(original);
        if (a.equals(b)) {
            return true;
        }
        if (a.length() != b.length()
                || a.length() < 4
                || a.charAt(0) != b.charAt(0)
                || a.charAt(a.length() - 1) != b.charAt(b.length() - 1)) {
            return false;
        }
        var inner = a.substring(1, a.length() - 1).toCharArray();
        var innerOriginal = b.substring(1, b.length() - 1).toCharArray();
        Arrays.sort(inner);
        Arrays.sort(innerOriginal);
        return Arrays.equals(inner, innerOriginal);
    }

    static String skeleton(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(LATIN_LOOKALIKES.getOrDefault(c, c));
        }
        return out.toString();
    }
}
