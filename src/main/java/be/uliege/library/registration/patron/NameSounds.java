package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import java.util.regex.Pattern;

/**
 * How a name sounds, for duplicate detection: a key that is the same for the usual spellings of
 * one Belgian name in French, Dutch or German — Meyer, Meier, Mayer, Maier; Schmidt, Schmitt,
 * Smit; Müller, Mueller; Dupont, Dupond; Peeters, Peters; Janssens, Janssen, Jansen; Claes,
 * Klaas; Thys, Tijs; Philippe, Filip; Lefèvre, Lefebvre.
 *
 * <p>The rules, applied in this order to the name's comparison form ({@link Text#searchKey}),
 * spaces and hyphens removed:
 * <ol>
 * <li>letter groups that sound as one: {@code sch → s}, {@code ph → f}, {@code th → t},
 * {@code dt → t}, {@code ck → k}, {@code qu → k}, {@code gh → g}, {@code bv → v} (Lefebvre);</li>
 * <li>vowel groups: {@code ij, y, ei, ey, ai, ay → i}, {@code ue → u} (Mueller), {@code oe, ou → u},
 * {@code ae → a} (Claes), {@code au, eau → o};</li>
 * <li>consonants that sound alike: {@code c} before e/i → {@code s}, other {@code c → k},
 * {@code q → k}, {@code x → ks}, {@code z → s}, {@code w → v}, {@code v → f}, {@code d → t}
 * at the end;</li>
 * <li>{@code h} is dropped, a letter written twice counts once;</li>
 * <li>endings French does not pronounce ({@code -e}, {@code -s}, {@code -t}, {@code -x}), one
 * at a time, while the name keeps at least three letters.</li>
 * </ol>
 */
final class NameSounds {

    private static final Pattern SPACES = Pattern.compile("[^a-z0-9]");
    private static final Pattern SOFT_C = Pattern.compile("c(?=[eiy])");
    private static final Pattern DOUBLED = Pattern.compile("(.)\\1+");
    private static final Pattern VOWELS_I = Pattern.compile("ij|ei|ey|ai|ay|y");

    private NameSounds() {}

    /** The sound key of a name, empty for a name without letters. */
    static String of(String name) {
        var s = SPACES.matcher(Text.searchKey(name)).replaceAll("");
        if (s.isEmpty()) {
            return s;
        }
        s = s.replace("sch", "s").replace("ph", "f").replace("th", "t").replace("dt", "t").replace("ck", "k")
                .replace("qu", "k").replace("gh", "g").replace("bv", "v");
        s = s.replace("eau", "o");
        s = VOWELS_I.matcher(s).replaceAll("i");
        s = s.replace("ue", "u").replace("oe", "u").replace("ou", "u").replace("ae", "a").replace("au", "o");
        s = SOFT_C.matcher(s).replaceAll("s");
        s = s.replace('c', 'k').replace('q', 'k').replace("x", "ks").replace('z', 's').replace('w', 'v').replace('v', 'f');
        s = s.replace("h", "");
        s = DOUBLED.matcher(s).replaceAll("$1");
        if (s.endsWith("d")) {
            s = s.substring(0, s.length() - 1) + "t";
        }
        while (s.length() > 3 && (s.endsWith("e") || s.endsWith("s") || s.endsWith("t") || s.endsWith("x"))) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
