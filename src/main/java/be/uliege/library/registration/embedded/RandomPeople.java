package be.uliege.library.registration.embedded;

import be.uliege.library.registration.embedded.UniversityPerson.Group;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rows of the university's file, one after the other, from a seed: the same seed gives the same
 * rows. Keeps no list of the people made: identifiers come from permutations of their number space
 * (unique without remembering them), e-mail addresses are told apart through a fixed table of
 * counters, and the staff rows of students who also work at the university wait in a small queue.
 */
final class RandomPeople {

    private static final int ID_SPACE = 1_000_000;
    private static final int KEY_SPACE = 10_000_000;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_IN_ADDRESS = Pattern.compile("[^a-z0-9-]");

    private final Random random;
    private final LocalDate today;
    private final Set<String> reserved;
    private final long[] idMultipliers = new long[Group.values().length];
    private final long[] idOffsets = new long[Group.values().length];
    private final int[] idCounters = new int[Group.values().length];
    private final long keyMultiplier;
    private final long keyOffset;
    private int keyCounter;
    /** Counters of addresses seen, by hash: a collision only adds a needless digit, never a duplicate. */
    private final int[] emails = new int[1 << 21];

    private final PriorityQueue<Waiting> twins = new PriorityQueue<>((a, b) -> Integer.compare(a.row(), b.row()));

    /** A student's staff row, due at a later row. */
    private record Waiting(int row, UniversityPerson person) {}

    /**
     * @param reserved identifiers and P keys already taken (fixed people, demo patrons): never made
     * @param reservedEmails addresses already taken
     */
    RandomPeople(long seed, LocalDate today, Collection<String> reserved, Collection<String> reservedEmails) {
        this.random = new Random(seed);
        this.today = today;
        this.reserved = new HashSet<>(reserved);
        for (int g = 0; g < idMultipliers.length; g++) {
            idMultipliers[g] = coprime(ID_SPACE);
            idOffsets[g] = random.nextInt(ID_SPACE);
        }
        keyMultiplier = coprime(KEY_SPACE);
        keyOffset = random.nextInt(KEY_SPACE);
        for (var email : reservedEmails) {
            emails[slot(email.toLowerCase(Locale.ROOT))]++;
        }
    }

    /** The row at {@code row}: a new person, or the staff row of an earlier student. */
    UniversityPerson next(int row) {
        var waiting = twins.peek();
        if (waiting != null && waiting.row() <= row) {
            return twins.remove().person();
        }
        int g = random.nextInt(100);
        var group = g < 25 ? Group.U : g < 90 ? Group.S : Group.C;
        // About 1 % of the rows: a doctoral student who is also an assistant, once as S and once as U.
        boolean twin = group == Group.S && random.nextInt(1000) < 16;
        var name = BelgianPeople.name(random);
        var birth = birthDate(group, twin);
        var language = language(name.language());
        var key = "P" + String.format("%07d", next(keyMultiplier, keyOffset, KEY_SPACE, () -> keyCounter++));
        String barcode = random.nextInt(100) < 20 ? "22" + key.substring(1) + digits(3) : null;
        UniversityPerson.Address address = random.nextInt(100) < 6 ? null : BelgianPlaces.address(random);
        String phone = random.nextInt(100) < 30
                ? null
                : BelgianPlaces.phone(
                        random,
                        address == null ? "4" : BelgianPlaces.zoneOf(address),
                        address == null ? "BEL" : address.country());
        String personal = random.nextInt(100) < 40 ? personalEmail(name, birth) : null;
        var person = new UniversityPerson(
                group,
                primaryId(group),
                name.first(),
                name.middle(),
                name.last(),
                name.gender(),
                birth,
                language,
                key,
                barcode,
                group == Group.S ? null : BelgianPlaces.department(group, random),
                universityEmail(name, group, false),
                personal,
                phone,
                address);
        if (twin) {
            var staff = new UniversityPerson(
                    Group.U,
                    primaryId(Group.U),
                    name.first(),
                    random.nextBoolean() ? name.middle() : null,
                    name.last(),
                    name.gender(),
                    birth,
                    language,
                    key,
                    null,
                    BelgianPlaces.department(Group.U, random),
                    universityEmail(name, Group.U, random.nextInt(3) == 0),
                    personal,
                    phone,
                    address);
            twins.add(new Waiting(row + 1 + random.nextInt(300), staff));
        }
        return person;
    }

    private LocalDate birthDate(Group group, boolean doctoral) {
        int age;
        if (doctoral) {
            age = 23 + random.nextInt(10);
        } else if (group == Group.S) {
            // Mostly 17 to 30, most of them around 20; some come back to study later in life.
            age = random.nextInt(100) < 6
                    ? 31 + random.nextInt(30)
                    : 17 + Math.min(random.nextInt(8), random.nextInt(14));
        } else {
            age = 22 + random.nextInt(group == Group.C ? 44 : 46);
        }
        return today.minusYears(age).minusDays(random.nextInt(365));
    }

    private String language(String originLanguage) {
        if (!originLanguage.equals("fr") && random.nextInt(100) < 45) {
            return originLanguage;
        }
        int r = random.nextInt(100);
        return r < 85 ? "fr" : r < 93 ? "en" : r < 97 ? "nl" : "de";
    }

    private String primaryId(Group group) {
        int g = group.ordinal();
        for (; ; ) {
            var id = group.name()
                    + String.format("%06d", next(idMultipliers[g], idOffsets[g], ID_SPACE, () -> idCounters[g]++));
            if (!reserved.contains(id)) {
                return id;
            }
        }
    }

    private interface Counter {
        int getAndIncrement();
    }

    /** The next value of a permutation of [0, space) that skips the reserved ones (P keys only). */
    private long next(long multiplier, long offset, int space, Counter counter) {
        for (; ; ) {
            int n = counter.getAndIncrement();
            if (n >= space) {
                throw new IllegalStateException("More people than " + space + " identifiers can number");
            }
            long value = (multiplier * n + offset) % space;
            if (space != KEY_SPACE || !reserved.contains("P" + String.format("%07d", value))) {
                return value;
            }
        }
    }

    /** A multiplier prime to 2 and 5, so that it permutes every power of ten. */
    private long coprime(int space) {
        long m;
        do {
            m = space / 3 + random.nextInt(space / 3);
        } while (m % 2 == 0 || m % 5 == 0);
        return m;
    }

    private String universityEmail(BelgianPeople.Name name, Group group, boolean initial) {
        var last = fold(name.last());
        String local;
        if (name.first() == null) {
            local = last;
        } else {
            var first = fold(name.first().split(" ")[0]);
            local = (initial ? first.substring(0, 1) : first) + "." + last;
        }
        return unique(local, group.emailDomain);
    }

    private String personalEmail(BelgianPeople.Name name, LocalDate birth) {
        var last = fold(name.last());
        var first = name.first() == null ? "" : fold(name.first().split(" ")[0]);
        var local = switch (random.nextInt(5)) {
            case 0 -> first + "." + last;
            case 1 -> first + last + String.format("%02d", birth.getYear() % 100);
            case 2 -> first.isEmpty() ? last : first.charAt(0) + last;
            case 3 -> last + "." + first + digits(2);
            default -> first + "_" + last + birth.getYear();
        };
        return unique(local.replaceAll("^[._]|[._]$", ""), BelgianPlaces.mailProvider(random));
    }

    private String unique(String local, String domain) {
        var base = local.length() > 50 ? local.substring(0, 50) : local;
        int seen = emails[slot(base + "@" + domain)]++;
        if (seen == 0) {
            return base + "@" + domain;
        }
        // A hyphen before the digit when the address ends with one already (a birth year): no digit
        // follows a hyphen in any other address, so two people never share one.
        var separator = Character.isDigit(base.charAt(base.length() - 1)) ? "-" : "";
        return base + separator + (seen + 1) + "@" + domain;
    }

    private int slot(String address) {
        return (address.hashCode() * 0x9E3779B9) >>> (32 - 21);
    }

    /** ASCII letters for an e-mail address: accents dropped, spaces and apostrophes left out. */
    static String fold(String name) {
        var folded = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replace("ı", "i")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("ß", "ss")
                .replace("ø", "o")
                .replace("æ", "ae")
                .replace("œ", "oe");
        folded = MARKS.matcher(folded).replaceAll("");
        return NOT_IN_ADDRESS.matcher(folded).replaceAll("");
    }

    private String digits(int count) {
        var digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
