package be.uliege.library.registration.patron.duplicate;

import be.uliege.library.registration.patron.duplicate.Resemblance.Person;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The labelled pairs of people the duplicate engine is measured on (R-DESK-3, R-PRE-5):
 * {@code src/test/resources/duplicates/labelled-pairs.csv}, built apart from the engine and
 * documented kind by kind in the README beside it. Read by {@code DuplicateQualityTest} (the
 * targets, checked in {@code verify}) and by {@code bench/duplicates-quality.sh} (the figures).
 */
public final class LabelledPairs {

    public static final String RESOURCE = "/duplicates/labelled-pairs.csv";
    /** The held-out set: written after the engine was tuned on the first, never tuned on (HELD-OUT.md). */
    public static final String HELD_OUT = "/duplicates/held-out-pairs.csv";
    /** Two-people kinds reported apart: the hardest, where a wrong merge joins two family members. */
    public static final Set<String> FAMILY_KINDS =
            Set.of("twins-similar-first", "twins-different-first", "parent-child");

    /** One labelled pair: A is the record, B what a person typed later. */
    public record Pair(int line, String kind, boolean samePerson, Person a, Person b) {}

    /** How many pairs of a kind, and how many the engine calls the same person. */
    public record KindResult(String kind, boolean samePerson, int pairs, int calledSame) {
        public double rate() {
            return calledSame / (double) pairs;
        }
    }

    /** Recall and precision over a set of pairs, and each kind's figures in the order of the file. */
    public record Quality(int truePositives, int falsePositives, int falseNegatives, List<KindResult> kinds) {
        public double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }

        public double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }
    }

    private LabelledPairs() {}

    public static List<Pair> load() {
        return load(RESOURCE);
    }

    public static List<Pair> load(String resource) {
        var stream = LabelledPairs.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing " + resource);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            var pairs = new ArrayList<Pair>();
            var header = fields(reader.readLine());
            if (!header.equals(List.of(
                    "kind",
                    "same_person",
                    "a_first",
                    "a_last",
                    "a_birth",
                    "a_emails",
                    "a_phones",
                    "b_first",
                    "b_last",
                    "b_birth",
                    "b_emails",
                    "b_phones"))) {
                throw new IllegalStateException("Unexpected header " + header);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                var f = fields(line);
                if (f.size() != 12) {
                    throw new IllegalStateException("Line " + number + ": " + f.size() + " fields");
                }
                pairs.add(new Pair(
                        number,
                        f.get(0),
                        Boolean.parseBoolean(f.get(1)),
                        person(f.subList(2, 7)),
                        person(f.subList(7, 12))));
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores every pair with the engine the desk and the public form use. */
    public static Quality measure(List<Pair> pairs) {
        var byKind = new LinkedHashMap<String, int[]>();
        var labels = new LinkedHashMap<String, Boolean>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (var pair : pairs) {
            boolean called = Resemblance.of(pair.a(), pair.b()).isCandidate();
            var counts = byKind.computeIfAbsent(pair.kind(), k -> new int[2]);
            labels.putIfAbsent(pair.kind(), pair.samePerson());
            counts[0]++;
            counts[1] += called ? 1 : 0;
            if (called && pair.samePerson()) {
                tp++;
            } else if (called) {
                fp++;
            } else if (pair.samePerson()) {
                fn++;
            }
        }
        var kinds = new ArrayList<KindResult>();
        for (Map.Entry<String, int[]> e : byKind.entrySet()) {
            kinds.add(new KindResult(e.getKey(), labels.get(e.getKey()), e.getValue()[0], e.getValue()[1]));
        }
        return new Quality(tp, fp, fn, List.copyOf(kinds));
    }

    private static Person person(List<String> f) {
        return new Person(
                f.get(0),
                f.get(1),
                f.get(2).isBlank() ? null : LocalDate.parse(f.get(2)),
                values(f.get(3)),
                values(f.get(4)));
    }

    private static Set<String> values(String field) {
        return Arrays.stream(field.split(";"))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
    }

    /** One CSV line (RFC 4180: fields with commas or quotes are quoted, quotes doubled). */
    static List<String> fields(String line) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
