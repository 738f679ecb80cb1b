package be.uliege.library.registration.patron.duplicate;

import be.uliege.library.registration.base.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Forms of one first name (R-DESK-3): the short forms and nicknames people give themselves (Bob
 * for Robert, Jef for Jozef, Lies for Liesbeth), the name in another national language (Pierre,
 * Pieter, Peter) and the spellings of a name written from another alphabet (Mohammed, Mohamed,
 * Muhammad; Youssef, Yusuf; Oleksandr, Aleksandr). A shipped list ({@code
 * patron/first-name-forms.csv}), one name per line; names that merely look alike (Louis and
 * Louise) are never on one line.
 */
final class FirstNameForms {

    private static final String LIST = "/patron/first-name-forms.csv";
    /** For each form (comparison form, spaces removed), the lines it is on. */
    private static final Map<String, Set<Integer>> LINES = load();

    private FirstNameForms() {}

    /** True when two different first names are forms of one name on the list. */
    static boolean sameName(String a, String b) {
        var linesA = LINES.get(a);
        var linesB = LINES.get(b);
        if (linesA == null || linesB == null) {
            return false;
        }
        for (var line : linesA) {
            if (linesB.contains(line)) {
                return true;
            }
        }
        return false;
    }

    /** A name's form on the list: its comparison form without spaces or hyphens. */
    static String key(String name) {
        return Text.searchKey(name).replace(" ", "");
    }

    private static Map<String, Set<Integer>> load() {
        var lines = new HashMap<String, Set<Integer>>();
        var stream = FirstNameForms.class.getResourceAsStream(LIST);
        if (stream == null) {
            throw new IllegalStateException("The shipped list of first-name forms is missing: " + LIST);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (var form : line.split(",")) {
                    var key = key(form);
                    if (!key.isEmpty()) {
                        lines.computeIfAbsent(key, k -> new HashSet<>()).add(number);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var frozen = new HashMap<String, Set<Integer>>();
        lines.forEach((form, on) -> frozen.put(form, Set.copyOf(on)));
        return Map.copyOf(frozen);
    }
}
