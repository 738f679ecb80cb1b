import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.duplicate.LabelledPairs;
import be.uliege.library.registration.patron.duplicate.Resemblance;
import be.uliege.library.registration.patron.duplicate.Resemblance.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Duplicate detection quality (R-DESK-3): first the labelled set built apart from the engine
 * ({@code src/test/resources/duplicates/}, documented kind by kind in its README), then pairs
 * from this class's seeded generator, both scored by the engine the desk and the public form use;
 * prints recall and precision, overall and per kind of pair, with twins and parents and children
 * of one name reported apart.
 *
 * <p>The seeded generator, written with the engine, is kept as a second, easier reading:
 * <p>Same person (a record and the same person registering again, years later): one or two of
 * accents and case dropped, a typo in the surname or the first name (a letter dropped, doubled,
 * replaced or two swapped), first and last names swapped, another spelling of the same sound
 * (Meyer/Maier, Claes/Klaas…), a married name added to the maiden name or replacing it, a
 * mistyped birth date (a digit, or day and month swapped); and, independently, a new e-mail
 * (half the time) and a new phone (half the time).
 *
 * <p>Two people: twins (same surname, birth date and family phone, another first name), namesakes
 * (same first and last names, another birth date), siblings (same surname and family phone), people
 * born the same day, and strangers.
 *
 * Usage: bench/duplicates-quality.sh [pairs of each label=2000] [seed=2026]
 */
public class DuplicateQualityBenchmark {

    static final String[] FIRST = {
        "Élodie",
        "Marie",
        "Anne-Marie",
        "Jean",
        "Jean-Pierre",
        "Luc",
        "François",
        "Françoise",
        "Nathalie",
        "Isabelle",
        "Philippe",
        "Christophe",
        "Geneviève",
        "Hélène",
        "Benoît",
        "Jérôme",
        "Céline",
        "Sébastien",
        "Katrien",
        "Geert",
        "Pieter",
        "Jan",
        "Annelies",
        "Sofie",
        "Bart",
        "Wouter",
        "Lieve",
        "Joris",
        "Els",
        "Hendrik",
        "Jürgen",
        "Günther",
        "Uwe",
        "Sabine",
        "Monika",
        "Dieter",
        "Claudia",
        "Matthias",
        "Thomas",
        "Lucas",
        "Emma",
        "Louise",
        "Noah",
        "Camille",
        "Zoé",
        "Chloé",
        "Nicolas",
        "Julien",
        "Sarah",
        "Laura",
        "Kevin",
        "Amélie"
    };
    static final String[] LAST = {
        "Dupont",
        "Dupré",
        "Lambert",
        "Martin",
        "Dubois",
        "Leroy",
        "Lefèvre",
        "Moreau",
        "Renard",
        "Simon",
        "Laurent",
        "Mertens",
        "Peeters",
        "Janssens",
        "Maes",
        "Jacobs",
        "Willems",
        "Claes",
        "Goossens",
        "Wouters",
        "De Smet",
        "Van den Bossche",
        "Vandenberghe",
        "De Backer",
        "Van Damme",
        "Verstraete",
        "Meyer",
        "Schmidt",
        "Müller",
        "Schneider",
        "Fischer",
        "Weber",
        "Becker",
        "Hoffmann",
        "Schäfer",
        "Thys",
        "Delcourt",
        "Dumont",
        "Lejeune",
        "Collignon",
        "Marchal",
        "Charlier",
        "Henrard",
        "Piron",
        "Lemaire",
        "Denis",
        "Noël",
        "François",
        "Hubert",
        "Michaux",
        "Bastin",
        "Thiry",
        "Closset",
        "Gérard",
        "Remacle",
        "Dethier"
    };
    /** Spellings of one sound met in Belgian registers. */
    static final Map<String, String> VARIANT_SPELLINGS = Map.ofEntries(
            Map.entry("Meyer", "Maier"),
            Map.entry("Schmidt", "Schmitt"),
            Map.entry("Müller", "Mueller"),
            Map.entry("Claes", "Klaas"),
            Map.entry("Thys", "Tijs"),
            Map.entry("Lefèvre", "Lefebvre"),
            Map.entry("Peeters", "Peters"),
            Map.entry("Janssens", "Janssen"),
            Map.entry("Dupont", "Dupond"),
            Map.entry("Van den Bossche", "Vandenbossche"),
            Map.entry("Vandenberghe", "Van den Berghe"),
            Map.entry("Delcourt", "Del Court"),
            Map.entry("Philippe", "Filip"),
            Map.entry("Katrien", "Catherine"),
            Map.entry("Schäfer", "Schaefer"),
            Map.entry("Moreau", "Moro"),
            Map.entry("Jacobs", "Jakobs"),
            Map.entry("Christophe", "Cristophe"));

    static final String[] PROVIDERS = {
        "gmail.com", "hotmail.com", "skynet.be", "telenet.be", "outlook.com", "proximus.be"
    };

    final Random random;
    int people;

    DuplicateQualityBenchmark(long seed) {
        random = new Random(seed);
    }

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        labelled(LabelledPairs.RESOURCE, "tuned on");
        System.out.println();
        labelled(LabelledPairs.HELD_OUT, "held out, never tuned on");
        System.out.println();
        new DuplicateQualityBenchmark(seed).run(pairs);
    }

    static void labelled(String resource, String how) {
        var pairs = LabelledPairs.load(resource);
        var quality = LabelledPairs.measure(pairs);
        System.out.printf("Labelled set %s (%s): %d pairs (see the README beside it)%n", resource, how, pairs.size());
        for (var same : new boolean[] {true, false}) {
            System.out.println(
                    same
                            ? "  Same person (share found, target: all):"
                            : "  Two people (share taken for one person, target: none):");
            quality.kinds().stream()
                    .filter(k -> k.samePerson() == same)
                    .forEach(k -> System.out.printf(
                            "    %-32s %5d pairs, %5.1f %% called the same person%s%n",
                            k.kind(),
                            k.pairs(),
                            100 * k.rate(),
                            LabelledPairs.FAMILY_KINDS.contains(k.kind()) ? "   <- family, reported apart" : ""));
        }
        var family = quality.kinds().stream()
                .filter(k -> LabelledPairs.FAMILY_KINDS.contains(k.kind()))
                .toList();
        int familyPairs =
                family.stream().mapToInt(LabelledPairs.KindResult::pairs).sum();
        int familyCalled =
                family.stream().mapToInt(LabelledPairs.KindResult::calledSame).sum();
        int fpOthers = quality.falsePositives() - familyCalled;
        System.out.printf(
                "  Twins and parent/child: %d of %d pairs taken for one person (%.1f %%)%n",
                familyCalled, familyPairs, 100.0 * familyCalled / Math.max(1, familyPairs));
        System.out.printf(
                "  Precision without the family kinds: %.3f%n",
                quality.truePositives() / (double) Math.max(1, quality.truePositives() + fpOthers));
        System.out.printf(
                "Recall %.3f (target >= 0.97) -> %s; precision %.3f (target >= 0.95) -> %s%n",
                quality.recall(),
                quality.recall() >= 0.97 ? "MET" : "NOT MET",
                quality.precision(),
                quality.precision() >= 0.95 ? "MET" : "NOT MET");
    }

    record Pair(String kind, boolean samePerson, Person a, Person b) {}

    void run(int pairs) {
        var all = new ArrayList<Pair>();
        for (int i = 0; i < pairs; i++) {
            all.add(samePerson());
        }
        for (int i = 0; i < pairs; i++) {
            all.add(twoPeople());
        }
        var byKind = new LinkedHashMap<String, int[]>(); // kind -> {count, predicted duplicate}
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (var pair : all) {
            boolean predicted = Resemblance.of(pair.a(), pair.b()).isCandidate();
            for (var kind : pair.kind().split("\\|")) {
                var counts = byKind.computeIfAbsent(
                        (pair.samePerson() ? "same person, " : "two people, ") + kind, k -> new int[2]);
                counts[0]++;
                if (predicted) {
                    counts[1]++;
                }
            }
            if (predicted && pair.samePerson()) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (pair.samePerson()) {
                fn++;
            }
        }
        System.out.printf(
                "Seeded generator (written with the engine, an easier reading): %d pairs of the same person, %d pairs of two people%n",
                pairs, pairs);
        byKind.forEach((kind, c) -> System.out.printf(
                "  %-58s %5d pairs, %5.1f %% called the same person%n", kind, c[0], 100.0 * c[1] / c[0]));
        double recall = tp / (double) (tp + fn);
        double precision = tp / (double) Math.max(1, tp + fp);
        System.out.printf(
                "Recall %.3f (target >= 0.97) -> %s; precision %.3f (target >= 0.95) -> %s%n",
                recall, recall >= 0.97 ? "MET" : "NOT MET", precision, precision >= 0.95 ? "MET" : "NOT MET");
    }

    Person person() {
        var first = pick(FIRST);
        var last = pick(LAST);
        var birth = LocalDate.of(1940 + random.nextInt(66), 1, 1).plusDays(random.nextInt(365));
        return new Person(first, last, birth, Set.of(email(first, last)), Set.of(phone()));
    }

    String email(String first, String last) {
        people++;
        return (Text.searchKey(first) + "." + Text.searchKey(last)).replace(" ", "")
                + (random.nextBoolean() ? people : "") + "@" + pick(PROVIDERS);
    }

    String phone() {
        return "324" + (70 + random.nextInt(30)) + String.format("%06d", random.nextInt(1_000_000));
    }

    Pair samePerson() {
        var original = person();
        var again = original;
        var changes = new ArrayList<String>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            int which = random.nextInt(7);
            again = switch (which) {
                case 0 -> {
                    changes.add("accents and case");
                    yield names(again, Text::searchKey, s -> s.toUpperCase());
                }
                case 1 -> {
                    changes.add("surname typo");
                    yield names(again, s -> s, this::typo);
                }
                case 2 -> {
                    changes.add("first-name typo");
                    yield names(again, this::typo, s -> s);
                }
                case 3 -> {
                    changes.add("names swapped");
                    yield new Person(
                            again.lastName(), again.firstName(), again.birthDate(), again.emails(), again.phones());
                }
                case 4 -> {
                    changes.add("other spelling");
                    yield names(again, this::respell, this::respell);
                }
                case 5 -> {
                    changes.add("married name");
                    var other = pick(LAST);
                    yield names(again, s -> s, s -> random.nextInt(3) == 0 ? other : s + "-" + other);
                }
                default -> {
                    changes.add("birth date typo");
                    yield new Person(
                            again.firstName(),
                            again.lastName(),
                            dateTypo(again.birthDate()),
                            again.emails(),
                            again.phones());
                }
            };
        }
        boolean newEmail = random.nextBoolean();
        boolean newPhone = random.nextBoolean();
        again = new Person(
                again.firstName(),
                again.lastName(),
                again.birthDate(),
                newEmail ? Set.of(email(again.firstName(), again.lastName())) : again.emails(),
                newPhone ? Set.of(phone()) : again.phones());
        var contact = newEmail && newPhone
                ? "new e-mail and phone"
                : newEmail ? "new e-mail" : newPhone ? "new phone" : "same e-mail and phone";
        return new Pair(String.join("|", changes.stream().distinct().toList()) + "|" + contact, true, original, again);
    }

    Pair twoPeople() {
        var a = person();
        int which = random.nextInt(5);
        return switch (which) {
            case 0 -> { // twins: same surname, birth date and family phone
                String first;
                do {
                    first = pick(FIRST);
                } while (first.equals(a.firstName()));
                yield new Pair(
                        "twins",
                        false,
                        a,
                        new Person(first, a.lastName(), a.birthDate(), Set.of(email(first, a.lastName())), a.phones()));
            }
            case 1 ->
                new Pair(
                        "namesakes",
                        false,
                        a,
                        new Person(
                                a.firstName(),
                                a.lastName(),
                                a.birthDate().plusDays(400 + random.nextInt(8000)),
                                Set.of(email(a.firstName(), a.lastName())),
                                Set.of(phone())));
            case 2 -> { // siblings: same surname and family phone
                String first;
                do {
                    first = pick(FIRST);
                } while (first.equals(a.firstName()));
                yield new Pair(
                        "siblings",
                        false,
                        a,
                        new Person(
                                first,
                                a.lastName(),
                                a.birthDate().plusDays(500 + random.nextInt(3000)),
                                Set.of(email(first, a.lastName())),
                                a.phones()));
            }
            case 3 -> {
                var b = person();
                yield new Pair(
                        "born the same day",
                        false,
                        a,
                        new Person(b.firstName(), b.lastName(), a.birthDate(), b.emails(), b.phones()));
            }
            default -> new Pair("strangers", false, a, person());
        };
    }

    Person names(Person p, UnaryOperator<String> first, UnaryOperator<String> last) {
        return new Person(first.apply(p.firstName()), last.apply(p.lastName()), p.birthDate(), p.emails(), p.phones());
    }

    String respell(String name) {
        return VARIANT_SPELLINGS.getOrDefault(name, name);
    }

    /** A letter dropped, doubled, replaced by its keyboard neighbour, or two letters swapped. */
    String typo(String name) {
        if (name.length() < 4) {
            return name;
        }
        var chars = new StringBuilder(name);
        int i = 1 + random.nextInt(name.length() - 2);
        switch (random.nextInt(4)) {
            case 0 -> chars.deleteCharAt(i);
            case 1 -> chars.insert(i, chars.charAt(i));
            case 2 -> chars.setCharAt(i, neighbour(chars.charAt(i)));
            default -> {
                char c = chars.charAt(i);
                chars.setCharAt(i, chars.charAt(i + 1));
                chars.setCharAt(i + 1, c);
            }
        }
        return chars.toString();
    }

    static final String KEYBOARD = "azertyuiopqsdfghjklmwxcvbn";

    char neighbour(char c) {
        int at = KEYBOARD.indexOf(Character.toLowerCase(c));
        return at < 0 ? 'e' : KEYBOARD.charAt((at + 1) % KEYBOARD.length());
    }

    LocalDate dateTypo(LocalDate date) {
        List<LocalDate> options = Resemblance.nearlySameDates(date).stream()
                .filter(d -> !d.equals(date))
                .toList();
        return options.get(random.nextInt(options.size()));
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
