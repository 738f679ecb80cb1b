package be.uliege.library.registration.embedded;

import be.uliege.library.registration.embedded.UniversityPerson.Address;
import be.uliege.library.registration.embedded.UniversityPerson.Group;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * Writes an invented file of the university's people (U, S, C) in the form of the nightly file
 * (R-SIS-1, {@code load/alma-users.xsd}): for the embedded defaults' first start and for the load's
 * benchmark. Seeded: the same seed, date and count give the same bytes. Streaming: memory stays
 * flat whatever the count, no list of the people is kept.
 *
 * <p>About 1 % of the rows are the staff row of a student who also works at the university: the
 * same P key under a U identifier. A variant changes one field of a given share of the rows, for a
 * "synchronize with 5 % changed" run.
 */
public final class UniversityFileGenerator {

    /** The fields a changed row differs in, one each. */
    enum Change {
        PHONE,
        ADDRESS_LINE,
        LAST_NAME,
        JOB_DESCRIPTION
    }

    private final long seed;
    private final LocalDate today;
    private final List<UniversityPerson> fixed;

    /** A generator for today's file. */
    public UniversityFileGenerator(long seed) {
        this(seed, LocalDate.now());
    }

    /** A generator for the file of {@code today}, which sets the expiry dates and the ages. */
    public UniversityFileGenerator(long seed, LocalDate today) {
        this(seed, today, List.of());
    }

    private UniversityFileGenerator(long seed, LocalDate today, List<UniversityPerson> fixed) {
        this.seed = seed;
        this.today = today;
        this.fixed = List.copyOf(fixed);
    }

    /** The same generator, with {@code people} as the first rows of every file. */
    public UniversityFileGenerator withFixedPeople(List<UniversityPerson> people) {
        return new UniversityFileGenerator(seed, today, people);
    }

    /** Writes {@code people} rows (fixed people included) to {@code out}, which stays open. */
    public void write(OutputStream out, int people) throws IOException {
        write(out, people, 0, 0);
    }

    /**
     * Writes the same rows as {@link #write(OutputStream, int)} but for {@code changedPercent} % of
     * them (rounded, chosen from {@code changeSeed}), which differ in one field each: a new phone, a
     * new address line, a new last name after a marriage or, for staff, a new job description.
     */
    public void write(OutputStream out, int people, int changedPercent, long changeSeed) throws IOException {
        if (people < 0 || changedPercent < 0 || changedPercent > 100) {
            throw new IllegalArgumentException("people " + people + ", changed " + changedPercent + " %");
        }
        // Flushed, never closed: the caller's stream stays open (a zip entry follows, or more).
        var buffered = new BufferedOutputStream(out, 1 << 16);
        try {
            var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffered, "UTF-8");
            var writer = new AlmaUserWriter(xml, today);
            var random = new RandomPeople(
                    seed,
                    today,
                    reserved(),
                    fixed.stream().map(UniversityPerson::email).toList());
            var changes = new Random(changeSeed);
            long toChange = Math.round(people * (changedPercent / 100.0));
            writer.startDocument(people);
            for (int row = 0; row < people; row++) {
                var person = row < fixed.size() ? fixed.get(row) : random.next(row);
                // Selection sampling: exactly toChange rows, each as likely, without a list of them.
                if (toChange > 0 && changes.nextInt(people - row) < toChange) {
                    person = changed(person, changes);
                    toChange--;
                }
                writer.write(person);
            }
            writer.endDocument();
            xml.close();
            buffered.flush();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the university file", e);
        }
    }

    /**
     * The user XML of one person among the first {@code people} rows, found by primary identifier or
     * university key: what the university's online-import endpoint answers (R-SIS-2). Empty when
     * no row has that identifier.
     */
    Optional<byte[]> onePerson(int people, String identifier) throws IOException {
        var random = new RandomPeople(
                seed,
                today,
                reserved(),
                fixed.stream().map(UniversityPerson::email).toList());
        for (int row = 0; row < people; row++) {
            var person = row < fixed.size() ? fixed.get(row) : random.next(row);
            if (person.primaryId().equalsIgnoreCase(identifier)
                    || person.universityKey().equalsIgnoreCase(identifier)) {
                var out = new java.io.ByteArrayOutputStream();
                try {
                    var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                    var writer = new AlmaUserWriter(xml, today);
                    writer.startDocument(1);
                    writer.write(person);
                    writer.endDocument();
                    xml.close();
                } catch (XMLStreamException e) {
                    throw new IOException("Could not write the person", e);
                }
                return Optional.of(out.toByteArray());
            }
        }
        return Optional.empty();
    }

    /** Writes the file as the one entry {@code people.xml} of a new zip at {@code zip}. */
    public void writeZip(Path zip, int people) throws IOException {
        writeZip(zip, people, 0, 0);
    }

    /** {@link #writeZip(Path, int)} of {@link #write(OutputStream, int, int, long)}. */
    public void writeZip(Path zip, int people, int changedPercent, long changeSeed) throws IOException {
        try (var out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            var entry = new ZipEntry("people.xml");
            entry.setTimeLocal(today.atStartOfDay());
            out.putNextEntry(entry);
            write(out, people, changedPercent, changeSeed);
            out.closeEntry();
        }
    }

    /** Identifiers the random rows must not take: the fixed people's, the demo patrons'. */
    private List<String> reserved() {
        var reserved = new ArrayList<String>();
        for (var person : fixed) {
            reserved.add(person.primaryId());
            reserved.add(person.universityKey());
        }
        DemoData.demos(today, today).forEach(demo -> reserved.add(demo.identifier()));
        return reserved;
    }

    static UniversityPerson changed(UniversityPerson person, Random random) {
        var applicable = new ArrayList<>(List.of(Change.LAST_NAME));
        if (person.phone() != null) {
            applicable.add(Change.PHONE);
        }
        if (person.address() != null && person.address().country().equals("BEL")) {
            applicable.add(Change.ADDRESS_LINE);
        }
        if (person.jobDescription() != null) {
            applicable.add(Change.JOB_DESCRIPTION);
        }
        return switch (applicable.get(random.nextInt(applicable.size()))) {
            case PHONE -> {
                // A new number of the same kind (a new mobile for a mobile), so that only the number changes.
                var old = person.phone();
                var phone = old;
                while (phone.equals(old) || AlmaUserWriter.isMobile(phone) != AlmaUserWriter.isMobile(old)) {
                    phone = BelgianPlaces.phone(random, "4", "BEL");
                }
                yield person.withPhone(phone);
            }
            case ADDRESS_LINE -> person.withAddress(BelgianPlaces.moved(person.address(), random));
            case LAST_NAME -> {
                // After a marriage: the spouse's name added to one's own, or taken instead.
                var spouse = BelgianPeople.pick(BelgianPeople.allFamilyNames(), random);
                var last = person.lastName().length() < 60 && random.nextBoolean()
                        ? person.lastName() + "-" + spouse
                        : spouse;
                yield last.equals(person.lastName()) ? changed(person, random) : person.withLastName(last);
            }
            case JOB_DESCRIPTION -> {
                var description = BelgianPlaces.department(person.group(), random);
                yield description.equals(person.jobDescription())
                        ? changed(person, random)
                        : person.withJobDescription(description);
            }
        };
    }

    /**
     * Three people of the university's file who look like three demo B patrons (same birth date,
     * names written a little differently), so that the embedded demo shows former students among
     * a B patron's possible duplicates: to be put first with {@link #withFixedPeople}.
     */
    public static List<UniversityPerson> demoLookalikes(LocalDate today) {
        var s = Group.S;
        return List.of(
                new UniversityPerson(
                        s,
                        "S192909",
                        "Sophie",
                        null,
                        "Janssens",
                        "FEMALE",
                        LocalDate.of(1992, 9, 9),
                        "en",
                        "P1920909",
                        null,
                        null,
                        "sophie.janssens@student.uliege.be",
                        null,
                        "+32 495 11 22 33",
                        new Address("Rue Saint-Léonard 210", null, "4000", "Liège", "BEL")),
                new UniversityPerson(
                        s,
                        "S195303",
                        "Zoe",
                        null,
                        "Cagla-Durdevic",
                        "FEMALE",
                        LocalDate.of(1995, 3, 3),
                        "en",
                        "P1950303",
                        null,
                        null,
                        "zoe.cagla-durdevic@student.uliege.be",
                        "zoe.cagla@example.be",
                        "0472/31.41.59",
                        new Address("Rue Hors-Château 8", "bte 2", "4000", "Liège", "BEL")),
                new UniversityPerson(
                        Group.U,
                        "U158012",
                        "Francois",
                        null,
                        "Delafontaine",
                        "MALE",
                        LocalDate.of(1958, 1, 20),
                        "fr",
                        "P1580120",
                        null,
                        "Faculté de Philosophie et Lettres — Département de langues et littératures romanes",
                        "francois.delafontaine@uliege.be",
                        null,
                        null,
                        new Address("Rue Xhavée 41", null, "4800", "Verviers", "BEL")));
    }

    /**
     * {@code main(path, people, seed, [--changed=percent], [--change-seed=n], [--today=yyyy-mm-dd])}:
     * writes a zip when the path ends with {@code .zip}, else the XML.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: UniversityFileGenerator <out.xml|out.zip> <people> <seed>"
                    + " [--changed=percent] [--change-seed=n] [--today=yyyy-mm-dd]");
            System.exit(2);
        }
        var path = Path.of(args[0]);
        int people = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int changed = 0;
        long changeSeed = seed + 1;
        var today = LocalDate.now();
        for (var option : List.of(args).subList(3, args.length)) {
            var value = option.substring(option.indexOf('=') + 1);
            if (option.startsWith("--changed=")) {
                changed = Integer.parseInt(value);
            } else if (option.startsWith("--change-seed=")) {
                changeSeed = Long.parseLong(value);
            } else if (option.startsWith("--today=")) {
                today = LocalDate.parse(value);
            } else {
                throw new IllegalArgumentException("unknown option " + option);
            }
        }
        var generator = new UniversityFileGenerator(seed, today);
        long start = System.nanoTime();
        if (path.toString().endsWith(".zip")) {
            generator.writeZip(path, people, changed, changeSeed);
        } else {
            try (var out = Files.newOutputStream(path)) {
                generator.write(out, people, changed, changeSeed);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "%s: %,d people (seed %d, %d %% changed) in %,d ms, %,d bytes%n",
                path, people, seed, changed, millis, Files.size(path));
    }
}
