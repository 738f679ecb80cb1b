package be.uliege.library.registration.patron;

import java.util.Map;

/**
 * Maps letters of other scripts that look like Latin letters to those letters, so that a domain
 * written with look-alikes can be compared with the real one (a small part of Unicode's
 * confusables list: the Cyrillic and Greek letters that pass for Latin ones in lower case).
 */
final class Homoglyphs {

    private static final Map<Character, Character> LATIN_LOOKALIKES = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('в', 'b'), Map.entry('с', 'c'), Map.entry('ԁ', 'd'),
            Map.entry('е', 'e'), Map.entry('ё', 'e'), Map.entry('һ', 'h'), Map.entry('і', 'i'),
            Map.entry('ї', 'i'), Map.entry('ј', 'j'), Map.entry('к', 'k'), Map.entry('ӏ', 'l'),
            Map.entry('м', 'm'), Map.entry('п', 'n'), Map.entry('о', 'o'), Map.entry('р', 'p'),
            Map.entry('ԛ', 'q'), Map.entry('г', 'r'), Map.entry('ѕ', 's'), Map.entry('т', 't'),
            Map.entry('υ', 'u'), Map.entry('ѵ', 'v'), Map.entry('ԝ', 'w'), Map.entry('х', 'x'),
            Map.entry('у', 'y'), Map.entry('ɡ', 'g'), Map.entry('ɩ', 'i'), Map.entry('ο', 'o'),
            Map.entry('α', 'a'), Map.entry('ε', 'e'), Map.entry('ι', 'i'), Map.entry('κ', 'k'),
            Map.entry('ν', 'v'), Map.entry('ρ', 'p'), Map.entry('τ', 't'), Map.entry('χ', 'x'),
            Map.entry('γ', 'y'), Map.entry('ı', 'i'), Map.entry('ℓ', 'l'));

    private Homoglyphs() {}

    static String skeleton(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(LATIN_LOOKALIKES.getOrDefault(c, c));
        }
        return out.toString();
    }
}
