package be.uliege.library.registration.patron.duplicate;

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
 * <li>vowel groups: {@code eij, ij, y, ei, ey, ai, ay → i} (Heijens, Heyens), {@code ue → u} (Mueller), {@code oe, ou → u},
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
    private static final Pattern VOWELS = Pattern.compile("[aeiou]");
    private static final Pattern VOWELS_I = Pattern.compile("eij|eiy|ij|ei|ey|ai|ay|y");

    private NameSounds() {}

    /** The sound key of a name, empty for a name without letters. */
    static String of(String name) {
        var s = SPACES.matcher(Text.searchKey(name)).replaceAll("");
        if (s.isEmpty()) {
            return s;
        }
        s = s.replace("sch", "s")
                .replace("ph", "f")
                .replace("th", "t")
                .replace("dt", "t")
                .replace("ck", "k")
                .replace("qu", "k")
                .replace("gh", "g")
                .replace("bv", "v");
        s = s.replace("eau", "o");
        s = VOWELS_I.matcher(s).replaceAll("i");
        s = s.replace("ue", "u")
                .replace("oe", "u")
                .replace("ou", "u")
                .replace("ae", "a")
                .replace("au", "o");
        s = SOFT_C.matcher(s).replaceAll("s");
        s = s.replace('c', 'k')
                .replace('q', 'k')
                .replace("x", "ks")
                .replace('z', 's')
                .replace('w', 'v')
                .replace('v', 'f');
        s = s.replace("h", "");
        s = once(s);
        if (s.endsWith("d")) {
            s = s.substring(0, s.length() - 1) + "t";
        }
        while (s.length() > 3 && (s.endsWith("e") || s.endsWith("s") || s.endsWith("t") || s.endsWith("x"))) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static final Pattern ARTICLE = Pattern.compile("^(al|el|ul)(?=[a-z]{3})");
    private static final Pattern SIBILANTS = Pattern.compile("schtsch|shch|chtch|szcz|tsch|tch|tsh|sch|sh|sz|cz|ch|zh");
    private static final Pattern OU_BEFORE_VOWEL = Pattern.compile("ou(?=[aeio])");
    private static final Pattern AW = Pattern.compile("aw(?![aeiou])");

    /**
     * A broader key for names written from another alphabet (R-DESK-3), where one sound has many
     * Latin spellings: the {@code sh} of Arabic, Turkish {@code ş} and Ukrainian {@code ш} as
     * {@code ch}, {@code sch}, {@code sh} or Polish {@code sz}, and {@code tch}, {@code tsch},
     * {@code cz}, Turkish {@code ç} alike (Shevchenko, Chevtchenko, Schewtschenko, Szewczenko;
     * Çelik, Celik, Tchelik; Chakir, Shakir); the Arabic article written {@code al} or {@code el};
     * {@code ou} before a vowel as {@code w} (Ouazzani, Wazzani) and {@code aw} as {@code au}
     * (Shawqi, Chaouki); {@code kh} as {@code k}, {@code ee} and {@code ie} as {@code i},
     * {@code oo} as {@code u}, and German {@code ae}, {@code oe}, {@code ue} for ä, ö, ü (Öztürk,
     * Oeztuerk); {@code j} as {@code i} (Julija, Yuliya). The remaining rules are those of {@link #of}. Coarser than {@link #of}: used
     * only when that key differs.
     */
    static String broad(String name) {
        var s = SPACES.matcher(Text.searchKey(name)).replaceAll("");
        if (s.isEmpty()) {
            return s;
        }
        s = ARTICLE.matcher(s).replaceFirst("el");
        s = s.replace("chr", "kr").replace("ck", "k");
        s = SIBILANTS.matcher(s).replaceAll("s");
        s = OU_BEFORE_VOWEL.matcher(s).replaceAll("w");
        s = AW.matcher(s).replaceAll("au");
        s = s.replace("kh", "k")
                .replace("ee", "i")
                .replace("ie", "i")
                .replace("oo", "u")
                .replace("ae", "a")
                .replace("oe", "o")
                .replace("ue", "u")
                .replace('j', 'i');
        s = of(s);
        return s.endsWith("d") ? s.substring(0, s.length() - 1) + "t" : s;
    }

    /**
     * The consonants of a broad key after its first letter, for names whose vowels are written as
     * heard (Arabic has short vowels it does not write: Cherqui and Sharqi, Bekkali and Bakali): the
     * first letter (any vowel alike), then the consonants in order.
     */
    static String skeleton(String broad) {
        if (broad.isEmpty()) {
            return broad;
        }
        var first = "aeiou".indexOf(broad.charAt(0)) >= 0 ? "a" : broad.substring(0, 1); // Oussama, Ousama, Usama
        return first + once(VOWELS.matcher(broad.substring(1)).replaceAll(""));
    }

    /** A letter written twice or more counted once (Mohammed, Mohamed). */
    static String once(String letters) {
        return DOUBLED.matcher(letters).replaceAll("$1");
    }
}
