package be.uliege.library.registration.patron.contact;

import be.uliege.library.registration.base.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * bpost's list of Belgian postal codes and their localities (R-CON-4), read from a configured
 * file or address ({@code registration.postal-codes.location}) in bpost's CSV layout: code,
 * locality, sub-municipality flag (empty for special codes), province. Localities may be typed in
 * another national language (Luik, Brussel, Gand): a shipped list of alternative names maps them to
 * the listed ones. Without a list, only the format of a code is checked and one warning is logged.
 */
@Component
public class BelgianPostalCodes {

    private static final Logger log = LoggerFactory.getLogger(BelgianPostalCodes.class);
    private static final String ALIASES = "classpath:patron/be-locality-aliases.csv";
    /** The key of a listed locality's own name among its names by language. */
    private static final String LISTED = "";

    /** A postal code's entry: its localities as listed, and whether it is a special code. */
    public record PostalCode(String code, List<String> localities, boolean special) {}

    /** The outcome of checking a code and a city. */
    public sealed interface Check {
        /** The city is one of the code's localities (perhaps by another language's name). */
        record Match(String listedLocality) implements Check {}
        /** The code exists, the city is not one of its localities; the closest ones are suggested. */
        record CityMismatch(List<String> suggestions) implements Check {}
        /** The code is not in the list. */
        record UnknownCode() implements Check {}
        /** The code is a special one (an institution, a sorting centre), not a home address. */
        record SpecialCode() implements Check {}
        /** No list is loaded: the format alone was checked. */
        record NotChecked() implements Check {}
    }

    /**
     * The shipped alternative names: for each name as typed (comparison form), the listed localities
     * it stands for; and for each listed locality (comparison form), its name in each language
     * ({@code "nl"} → Luik).
     */
    record Aliases(Map<String, List<String>> listed, Map<String, Map<String, String>> names) {}

    private final Map<String, PostalCode> codes;
    private final Aliases aliases;

    @Autowired
    public BelgianPostalCodes(@Value("${registration.postal-codes.location:}") String location) {
        this(load(location), loadAliases());
    }

    public BelgianPostalCodes(Map<String, PostalCode> codes, Aliases aliases) {
        this.codes = codes;
        this.aliases = aliases;
    }

    /** True when a list is loaded. */
    public boolean isLoaded() {
        return !codes.isEmpty();
    }

    /** The localities of a code, if it is listed. */
    public Optional<PostalCode> find(String code) {
        return Optional.ofNullable(codes.get(code.strip()));
    }

    /** Checks that the code exists and that the city is one of its localities. */
    public Check check(String code, String city) {
        if (codes.isEmpty()) {
            return new Check.NotChecked();
        }
        var entry = codes.get(code.strip());
        if (entry == null) {
            return new Check.UnknownCode();
        }
        if (entry.special()) {
            return new Check.SpecialCode();
        }
        var typed = Text.searchKey(city);
        var candidates = new ArrayList<String>();
        candidates.add(typed);
        candidates.addAll(aliases.listed().getOrDefault(typed, List.of()));
        for (var locality : entry.localities()) {
            var listed = Text.searchKey(locality);
            if (candidates.contains(listed)) {
                return new Check.Match(locality);
            }
        }
        return new Check.CityMismatch(closest(entry.localities(), typed));
    }

    private static List<String> closest(List<String> localities, String typed) {
        if (localities.size() <= 3) {
            return localities;
        }
        // Localities that start with or contain what was typed ("Jupille" for "Jupille-sur-Meuse")
        // come first, then the closest by edit distance.
        return localities.stream()
                .sorted(Comparator.comparingInt((String l) -> {
                            var key = Text.searchKey(l);
                            return key.startsWith(typed) ? 0 : key.contains(typed) ? 1 : 2;
                        })
                        .thenComparingInt(l -> distance(Text.searchKey(l), typed)))
                .limit(3)
                .toList();
    }

    /** Levenshtein distance, for suggesting the locality closest to what was typed. */
    static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public static Map<String, PostalCode> load(@Nullable String location) {
        if (location == null || location.isBlank()) {
            log.warn("No Belgian postal-code list configured (registration.postal-codes.location): "
                    + "only the format of postal codes is checked");
            return Map.of();
        }
        Resource resource = new DefaultResourceLoader().getResource(location.strip());
        if (!resource.exists()) {
            log.warn(
                    "The Belgian postal-code list {} cannot be found: only the format of postal codes is checked",
                    location);
            return Map.of();
        }
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            return parse(reader);
        } catch (IOException e) {
            log.warn(
                    "The Belgian postal-code list {} cannot be read ({}): only the format of postal codes is checked",
                    location,
                    e.getMessage());
            return Map.of();
        }
    }

    static Map<String, PostalCode> parse(BufferedReader reader) throws IOException {
        var localities = new LinkedHashMap<String, List<String>>();
        var special = new HashMap<String, Boolean>();
        String line;
        int rows = 0;
        while ((line = reader.readLine()) != null) {
            var fields = line.split(",", -1);
            if (fields.length < 3 || !fields[0].strip().matches("\\d{4}")) {
                continue; // a header or a damaged row
            }
            var code = fields[0].strip();
            var locality = fields[1].strip();
            localities.computeIfAbsent(code, c -> new ArrayList<>()).add(locality);
            special.merge(code, fields[2].strip().isEmpty(), Boolean::logicalAnd);
            rows++;
        }
        var result = new HashMap<String, PostalCode>();
        localities.forEach(
                (code, names) -> result.put(code, new PostalCode(code, List.copyOf(names), special.get(code))));
        log.info("Belgian postal-code list loaded: {} rows, {} codes", rows, result.size());
        return Map.copyOf(result);
    }

    /** Little words that stay in small letters inside a place name ("Louvain-la-Neuve", "Heist-op-den-Berg"). */
    private static final Set<String> PARTICLES = Set.of(
            "la", "le", "les", "de", "du", "des", "sur", "sous", "lez", "lès", "en", "aan", "op", "den", "ten", "ter",
            "bij", "het", "l", "d", "am", "an", "der", "im");

    /**
     * The list writes each municipality's main locality in capitals ("LIÈGE", "BRAINE-L'ALLEUD"):
     * offered to the public as "Liège", "Braine-l'Alleud" (the check ignores case anyway). Names
     * already in mixed case are kept as written.
     */
    public static String readable(String locality) {
        if (!locality.equals(locality.toUpperCase(Locale.ROOT))
                || locality.chars().noneMatch(Character::isLetter)) {
            return locality;
        }
        var lower = locality.toLowerCase(Locale.ROOT);
        var out = new StringBuilder(lower.length());
        int start = 0;
        for (int i = 0; i <= lower.length(); i++) {
            if (i == lower.length() || " -'’".indexOf(lower.charAt(i)) >= 0) {
                var word = lower.substring(start, i);
                boolean particle = start > 0 && PARTICLES.contains(word);
                out.append(
                        particle || word.isEmpty()
                                ? word
                                : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
                if (i < lower.length()) {
                    out.append(lower.charAt(i));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    /**
     * The locality to store once the postal code is known (R-CON-4): the list's own spelling when
     * the person typed that name ("liege", "LIEGE" → "Liège"), what they typed when it is the
     * locality's name in another language ("Luik", "Lüttich"), capitalised if it was typed all in
     * lower or upper case.
     */
    public static String stored(Check.Match match, String typed) {
        var tidy = Objects.requireNonNullElse(Text.tidy(typed), "");
        if (Text.searchKey(tidy).equals(Text.searchKey(match.listedLocality()))) {
            return readable(match.listedLocality());
        }
        var upper = tidy.toUpperCase(Locale.ROOT);
        return tidy.equals(upper) || tidy.equals(tidy.toLowerCase(Locale.ROOT)) ? readable(upper) : tidy;
    }

    /**
     * Alternative names: each line "listed name,other name,…", where an other name may carry its
     * language ({@code nl=Luik}, {@code de=Lüttich}): the name a desk or a form in that language shows.
     */
    public static Aliases loadAliases() {
        var resource = new DefaultResourceLoader().getResource(ALIASES);
        var listed = new HashMap<String, List<String>>();
        var names = new HashMap<String, Map<String, String>>();
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var fields = line.split(",");
                var key = Text.searchKey(fields[0]);
                var inLanguages = new HashMap<String, String>();
                for (int i = 1; i < fields.length; i++) {
                    var tagged = fields[i].split("=", 2);
                    var name = tagged[tagged.length - 1].strip();
                    if (tagged.length == 2) {
                        inLanguages.put(tagged[0].strip(), name);
                    }
                    var alias = listed.computeIfAbsent(Text.searchKey(name), k -> new ArrayList<>());
                    if (!alias.contains(key)) {
                        alias.add(key); // Brussel and Brüssel are one comparison form
                    }
                }
                inLanguages.putIfAbsent("fr", readable(fields[0].strip())); // bpost's French edition
                inLanguages.put(LISTED, readable(fields[0].strip()));
                names.put(key, Map.copyOf(inLanguages));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The shipped list of locality names is missing", e);
        }
        return new Aliases(Map.copyOf(listed), Map.copyOf(names));
    }

    /**
     * A locality as a desk or a form in the given language names it (R-CON-4): Liège, Luik or
     * Lüttich, Gent or Gand. A locality with alternative names but none in that language is shown as
     * listed; one without alternative names (most of them), or one not on the list, as stored.
     */
    public String inLanguage(String locality, Locale locale) {
        var key = Text.searchKey(locality);
        var listed = aliases.names().containsKey(key)
                ? List.of(key)
                : aliases.listed().getOrDefault(key, List.of());
        if (listed.size() != 1) {
            return locality;
        }
        var names = aliases.names().get(listed.getFirst());
        return names.getOrDefault(locale.getLanguage(), names.get(LISTED));
    }

    /** The localities of a code, each as a desk or a form in the given language names it, once each. */
    public List<String> localitiesIn(String code, Locale locale) {
        return find(code).filter(c -> !c.special()).map(PostalCode::localities).orElse(List.of()).stream()
                .map(l -> inLanguage(readable(l), locale))
                .distinct()
                .toList();
    }

    /** Every listed locality, for suggestions in forms. */
    public List<String> allLocalities() {
        var all = new TreeSet<String>();
        codes.values().forEach(c -> all.addAll(c.localities()));
        return List.copyOf(all);
    }
}
