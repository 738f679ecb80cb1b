package be.uliege.library.registration.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 (R-SIS-1): the generated university file is valid, seeded, varied and streamed. */
class UniversityFileGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final int PEOPLE = 20_000;

    /** The rows of one 20,000-people file, element name to text (identifiers: "P", "BARCODE"). */
    private static List<Map<String, String>> rows;

    @BeforeAll
    static void generate() throws Exception {
        rows = parse(bytes(new UniversityFileGenerator(16, TODAY), PEOPLE));
    }

    @Test
    @DisplayName("2,000 people, demo look-alikes first, validate against load/alma-users.xsd")
    void validatesAgainstTheSchema() throws Exception {
        var generator =
                new UniversityFileGenerator(7, TODAY).withFixedPeople(UniversityFileGenerator.demoLookalikes(TODAY));
        var xml = bytes(generator, 2_000);
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var schema = factory.newSchema(getClass().getResource("/load/alma-users.xsd"));
        var validator = schema.newValidator();
        validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        assertThatCode(() -> validator.validate(new StreamSource(new ByteArrayInputStream(xml))))
                .doesNotThrowAnyException();
        var parsed = parse(xml);
        assertThat(parsed).hasSize(2_000);
        assertThat(parsed.subList(0, 3))
                .extracting(row -> row.get("primary_id"))
                .containsExactly("S192909", "S195303", "U158012");
    }

    @Test
    @DisplayName("the same seed gives the same bytes, another seed other bytes")
    void isSeeded(@TempDir Path dir) throws Exception {
        var first = sha256(bytes(new UniversityFileGenerator(16, TODAY), 2_000));
        assertThat(sha256(bytes(new UniversityFileGenerator(16, TODAY), 2_000))).isEqualTo(first);
        assertThat(sha256(bytes(new UniversityFileGenerator(17, TODAY), 2_000))).isNotEqualTo(first);
        new UniversityFileGenerator(16, TODAY).writeZip(dir.resolve("a.zip"), 500);
        new UniversityFileGenerator(16, TODAY).writeZip(dir.resolve("b.zip"), 500);
        assertThat(Files.readAllBytes(dir.resolve("a.zip"))).isEqualTo(Files.readAllBytes(dir.resolve("b.zip")));
    }

    @Test
    @DisplayName("about 25 % U, 65 % S, 10 % C, with identifiers of their group's form")
    void groupsAreWeighted() {
        var counts = rows.stream().collect(Collectors.groupingBy(r -> r.get("user_group"), Collectors.counting()));
        assertThat(counts.get("U")).isBetween(PEOPLE * 23L / 100, PEOPLE * 29L / 100);
        assertThat(counts.get("S")).isBetween(PEOPLE * 61L / 100, PEOPLE * 67L / 100);
        assertThat(counts.get("C")).isBetween(PEOPLE * 8L / 100, PEOPLE * 12L / 100);
        for (var row : rows) {
            assertThat(row.get("primary_id")).matches(row.get("user_group") + "\\d{6}");
            assertThat(row.get("P")).matches("P\\d{7}");
            assertThat(row.get("job_category")).isEqualTo(UniversityPerson.Group.valueOf(row.get("user_group")).label);
        }
        assertThat(rows.stream().filter(r -> r.get("user_group").equals("S")).map(r -> r.get("expiry_date")))
                .containsOnly("2025-10-01Z");
        assertThat(rows.stream().filter(r -> !r.get("user_group").equals("S")).map(r -> r.get("expiry_date")))
                .containsOnly("2025-12-31Z");
    }

    @Test
    @DisplayName("identifiers and university e-mails are unique, but for about 1 % students who also work as U")
    void onlyTheIntendedTwinsShareAKey() {
        assertThat(rows.stream().map(r -> r.get("primary_id")).distinct()).hasSize(PEOPLE);
        var byKey = new HashMap<String, List<Map<String, String>>>();
        rows.forEach(
                r -> byKey.computeIfAbsent(r.get("P"), k -> new ArrayList<>()).add(r));
        var twins = byKey.values().stream().filter(l -> l.size() > 1).toList();
        assertThat(twins).allSatisfy(pair -> {
            assertThat(pair).extracting(r -> r.get("user_group")).containsExactlyInAnyOrder("S", "U");
            assertThat(pair.get(0).get("last_name")).isEqualTo(pair.get(1).get("last_name"));
            assertThat(pair.get(0).get("birth_date")).isEqualTo(pair.get(1).get("birth_date"));
            assertThat(pair.get(0).get("email")).isNotEqualTo(pair.get(1).get("email"));
        });
        assertThat(twins.size()).isBetween(PEOPLE / 200, PEOPLE * 3 / 200);
        assertThat(rows.stream().map(r -> r.get("email")).distinct()).hasSize(PEOPLE);
        assertThat(rows)
                .allSatisfy(r -> assertThat(r.get("email"))
                        .matches("[a-z0-9.-]+@"
                                + UniversityPerson.Group.valueOf(r.get("user_group"))
                                        .emailDomain
                                        .replace(".", "\\.")));
    }

    @Test
    @DisplayName("5 % changed: exactly that many <user> elements differ, each in one field")
    void theChangedVariantChangesTheRequestedShare() throws IOException {
        var generator = new UniversityFileGenerator(16, TODAY);
        var base = users(bytes(generator, 2_000));
        var out = new ByteArrayOutputStream();
        generator.write(out, 2_000, 5, 99);
        var changed = users(out.toByteArray());
        assertThat(changed).hasSameSizeAs(base);
        int differing = 0;
        for (int i = 0; i < base.size(); i++) {
            if (!base.get(i).equals(changed.get(i))) {
                differing++;
                var before = new HashSet<>(base.get(i).lines().toList());
                var after = changed.get(i)
                        .lines()
                        .filter(line -> !before.contains(line))
                        .toList();
                // One field: a last name shows twice (last_name, full_name), any other field once.
                assertThat(after).hasSizeBetween(1, 2);
            }
        }
        assertThat(differing).isEqualTo(100);
    }

    @Test
    @DisplayName("names of many origins: accents, Turkish, Polish, Romanian and Vietnamese letters, particles")
    void namesAreVaried() {
        var blocks = new HashSet<Character.UnicodeBlock>();
        var names = new ArrayList<String>();
        for (var row : rows) {
            var name = row.get("full_name");
            names.add(name);
            name.codePoints().filter(c -> c > 127).forEach(c -> blocks.add(Character.UnicodeBlock.of(c)));
        }
        assertThat(blocks)
                .contains(
                        Character.UnicodeBlock.LATIN_1_SUPPLEMENT,
                        Character.UnicodeBlock.LATIN_EXTENDED_A,
                        Character.UnicodeBlock.LATIN_EXTENDED_B,
                        Character.UnicodeBlock.LATIN_EXTENDED_ADDITIONAL);
        assertThat(names)
                .anyMatch(n -> n.contains("'"))
                .anyMatch(n -> n.contains("Van "))
                .anyMatch(n -> n.contains("-"));
        long noFirstName =
                rows.stream().filter(r -> !r.containsKey("first_name")).count();
        assertThat(noFirstName).isBetween(5L, 120L);
        assertThat(rows).anyMatch(r -> r.containsKey("middle_name"));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("last_name")).hasSizeLessThanOrEqualTo(100));
        assertThat(rows.stream().map(r -> r.get("preferred_language")).distinct())
                .contains("fr", "en", "nl", "de");
        assertThat(rows.stream().filter(r -> r.containsKey("gender")).count()).isLessThan(PEOPLE);
        long withPhone =
                rows.stream().filter(r -> r.containsKey("phone_number")).count();
        assertThat(withPhone).isBetween(PEOPLE * 60L / 100, PEOPLE * 80L / 100);
        long foreign = rows.stream()
                .filter(r -> r.containsKey("country") && !r.get("country").equals("BEL"))
                .count();
        assertThat(foreign).isBetween(PEOPLE * 4L / 100, PEOPLE * 12L / 100);
    }

    @Test
    @DisplayName("the embedded postal codes and communes are bpost's")
    void postalCodesAreReal() throws IOException {
        var location = System.getProperty("registration.postal-codes.location");
        var file = location == null
                ? Path.of("../shared/data/be-postal-codes/zipcodes_num_fr.csv")
                : Path.of(URI.create(location));
        var known = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> line.split(","))
                .map(f -> f[0] + " " + RandomPeople.fold(f[1]))
                .collect(Collectors.toSet());
        assertThat(BelgianPlaces.communes())
                .hasSizeGreaterThanOrEqualTo(60)
                .allSatisfy(commune ->
                        assertThat(known).contains(commune.postalCode() + " " + RandomPeople.fold(commune.name())));
    }

    @Test
    @DisplayName(
            "three demo B patrons have a look-alike in the university file: same birth date, names written otherwise")
    void demoLookalikesResembleDemoBPatrons() {
        var demos = DemoData.demos(TODAY, TODAY);
        for (var lookalike : UniversityFileGenerator.demoLookalikes(TODAY)) {
            assertThat(demos).filteredOn(d -> d.identifier().startsWith("B")).anySatisfy(demo -> {
                assertThat(demo.birth()).isEqualTo(lookalike.birthDate());
                assertThat(RandomPeople.fold(demo.last())).isEqualTo(RandomPeople.fold(lookalike.lastName()));
                assertThat(RandomPeople.fold(demo.first())).isEqualTo(RandomPeople.fold(lookalike.firstName()));
            });
        }
    }

    @Test
    @DisplayName("100,000 people stream through in a few seconds")
    void streamsALargeFile() throws IOException {
        var counter = new CountingStream();
        long start = System.nanoTime();
        new UniversityFileGenerator(16, TODAY).write(counter, 100_000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(counter.users).isEqualTo(100_000);
        System.out.printf("100,000 people: %,d bytes in %,d ms%n", counter.bytes, millis);
    }

    /** Discards what it is given; counts bytes and {@code </user>} end tags. */
    private static final class CountingStream extends OutputStream {
        private static final byte[] END = "</user>".getBytes(StandardCharsets.US_ASCII);
        long bytes;
        int users;
        private int matched;

        @Override
        public void write(int b) {
            bytes++;
            matched = b == END[matched] ? matched + 1 : b == END[0] ? 1 : 0;
            if (matched == END.length) {
                users++;
                matched = 0;
            }
        }
    }

    private static byte[] bytes(UniversityFileGenerator generator, int people) throws IOException {
        var out = new ByteArrayOutputStream();
        generator.write(out, people);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Each {@code <user>} element's text, as written. */
    private static List<String> users(byte[] xml) {
        var text = new String(xml, StandardCharsets.UTF_8);
        var users = new ArrayList<String>();
        for (int at = text.indexOf("<user>"); at >= 0; at = text.indexOf("<user>", at + 1)) {
            users.add(text.substring(at, text.indexOf("</user>", at)));
        }
        return users;
    }

    /** Each user's simple elements by name (the first of each name); identifiers by their type. */
    private static List<Map<String, String>> parse(byte[] xml) throws XMLStreamException {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        var reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        var rows = new ArrayList<Map<String, String>>();
        Map<String, String> row = new LinkedHashMap<>();
        String idType = null;
        while (reader.hasNext()) {
            if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            var name = reader.getLocalName();
            switch (name) {
                case "user" -> {
                    row = new LinkedHashMap<>();
                    rows.add(row);
                }
                case "users",
                        "contact_info",
                        "addresses",
                        "address",
                        "emails",
                        "email",
                        "phones",
                        "phone",
                        "user_identifiers",
                        "user_identifier",
                        "email_types",
                        "phone_types",
                        "address_types" -> {}
                case "id_type" -> idType = reader.getElementText().equals("UNIV_ID") ? "P" : "BARCODE";
                case "value" -> row.put(idType, reader.getElementText());
                case "email_address" -> {
                    var address = reader.getElementText();
                    row.put(row.containsKey("email") ? "personal_email" : "email", address);
                }
                default -> row.putIfAbsent(name, reader.getElementText());
            }
        }
        return rows;
    }
}
