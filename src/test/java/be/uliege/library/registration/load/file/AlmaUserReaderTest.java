package be.uliege.library.registration.load.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/**
 * The reader of the university's file (R-SIS-1): rows read exactly, row problems reported with
 * their position, whole-file problems refused, hostile input (XXE, billion laughs, a 100 MB value,
 * wrong encodings) stopped with bounded memory.
 */
class AlmaUserReaderTest {

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users>\n";

    static String user(String id, String last) {
        return "<user><primary_id>" + id + "</primary_id><first_name>Élodie</first_name><last_name>" + last
                + "</last_name><user_group desc=\"Student\">S</user_group>"
                + "<user_identifiers><user_identifier segment_type=\"External\"><id_type>UNIV_ID</id_type>"
                + "<value>P" + id.substring(1) + "</value></user_identifier></user_identifiers></user>\n";
    }

    static List<ReadRow> readAll(String xml) {
        return readAll(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<ReadRow> readAll(InputStream in) {
        var rows = new ArrayList<ReadRow>();
        try (var reader = AlmaUserReader.open(in, "people.xml", ReadLimits.DEFAULTS)) {
            for (var row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    static Reason refusal(String xml) {
        try {
            readAll(xml);
        } catch (FileRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("The file was not refused");
    }

    @Test
    void rowsAreReadWithTheirPositions_andARowProblemNeverStopsTheOthers() {
        var xml = HEAD + user("S100001", "Nguyễn") + "<user><first_name>Jan</first_name><last_name>De Smet</last_name>"
                + "<user_group>S</user_group></user>\n" + user("S100003", "Yılmaz")
                + "<user><primary_id>S100004</primary_id><first_name>" + "x".repeat(5000)
                + "</first_name><last_name>Wiśniewski</last_name><user_group>S</user_group></user>\n"
                + user("S100005", "Ñúñez") + "</users>\n";

        var rows = readAll(xml);

        assertThat(rows).extracting(r -> r.position().element()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(rows).extracting(r -> r.position().line()).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(rows.get(0)).isInstanceOfSatisfying(ReadRow.Read.class, r -> {
            assertThat(r.user().lastName()).isEqualTo("Nguyễn");
            assertThat(r.user().identifiers())
                    .singleElement()
                    .satisfies(i -> assertThat(i.value()).isEqualTo("P100001"));
        });
        assertThat(rows.get(1)).isInstanceOfSatisfying(ReadRow.Unreadable.class, r -> {
            assertThat(r.primaryId()).isNull();
            assertThat(r.reason()).isEqualTo(Reason.of("load.reason.missing-element", "primary_id"));
        });
        assertThat(rows.get(3)).isInstanceOfSatisfying(ReadRow.Unreadable.class, r -> {
            assertThat(r.primaryId()).isEqualTo("S100004");
            assertThat(r.reason()).isEqualTo(Reason.of("load.reason.too-long", "first_name", 4000));
            assertThat(String.join("", r.reason().args())).doesNotContain("xxxxx");
        });
        assertThat(rows.get(4)).isInstanceOf(ReadRow.Read.class);
    }

    @Test
    void unknownElementsAreSkippedAndARepeatedOneMakesTheRowUnreadable() {
        var xml = HEAD + "<user><primary_id>S100001</primary_id><password>secret</password>"
                + "<user_blocks><user_block><block_type>X</block_type></user_block></user_blocks>"
                + "<last_name>Lemaire</last_name><user_group>S</user_group></user>"
                + "<user><primary_id>S100002</primary_id><last_name>A</last_name><last_name>B</last_name>"
                + "<user_group>S</user_group></user></users>";

        var rows = readAll(xml);

        assertThat(rows.get(0)).isInstanceOf(ReadRow.Read.class);
        assertThat(rows.get(1))
                .isInstanceOfSatisfying(
                        ReadRow.Unreadable.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.of("load.reason.repeated", "last_name")));
    }

    @Test
    void externalEntitiesAreRefusedWholeAndTheirContentNeverRead() {
        var reason = refusal("<?xml version=\"1.0\"?><!DOCTYPE users [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<users>" + user("S100001", "&x;") + "</users>");
        assertThat(reason.key()).isEqualTo("load.reason.dtd");
        assertThat(String.join(" ", reason.args())).doesNotContain("root:");
    }

    @Test
    void anExternalDtdAndParameterEntitiesAreRefused() {
        assertThat(refusal("<?xml version=\"1.0\"?><!DOCTYPE users SYSTEM \"http://127.0.0.1:9/evil.dtd\"><users/>")
                        .key())
                .isEqualTo("load.reason.dtd");
        assertThat(refusal("<?xml version=\"1.0\"?><!DOCTYPE users [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
                                + "<users/>")
                        .key())
                .isEqualTo("load.reason.dtd");
    }

    @Test
    void billionLaughsIsRefusedAtOnce() {
        var lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE users [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY l").append(i).append(" \"");
            lol.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]><users>").append(user("S100001", "&l9;")).append("</users>");
        long start = System.nanoTime();
        assertThat(refusal(lol.toString()).key()).isEqualTo("load.reason.dtd");
        assertThat(System.nanoTime() - start).as("refused before any expansion").isLessThan(5_000_000_000L);
    }

    @Test
    void anUndeclaredEntityReferenceIsNotWellFormed() {
        assertThat(refusal(HEAD + user("S100001", "&nbsp;") + "</users>").key())
                .isIn("load.reason.not-well-formed", "load.reason.dtd");
    }

    /** 100 MB in one value, produced as it is read: refused after the first megabyte, never held. */
    @Test
    void aHundredMegabyteValueIsRefusedWithoutBeingHeld() {
        var before = "<users><user><primary_id>S1</primary_id><last_name>";
        var in = new SequenceInputStream(
                new ByteArrayInputStream(before.getBytes(StandardCharsets.UTF_8)), new Repeating('a', 100L << 20));
        assertThatThrownBy(() -> readAll(in))
                .isInstanceOfSatisfying(
                        FileRefusedException.class,
                        e -> assertThat(e.reason().key()).isEqualTo("load.reason.value-too-large"));
    }

    @Test
    void aHundredMegabyteAttributeIsRefusedWithoutBeingHeld() {
        var before = "<users><user><primary_id>S1</primary_id><last_name desc=\"";
        var in = new SequenceInputStream(
                new ByteArrayInputStream(before.getBytes(StandardCharsets.UTF_8)), new Repeating('a', 100L << 20));
        assertThatThrownBy(() -> readAll(in))
                .isInstanceOfSatisfying(
                        FileRefusedException.class,
                        e -> assertThat(e.reason().key()).isEqualTo("load.reason.value-too-large"));
    }

    @Test
    void aFileNotWellFormedIsRefusedWithTheLineAndColumn() {
        var xml = HEAD + user("S100001", "A") + user("S100002", "B") + "<user><primary_id>S3</primary_id>\n"
                + "<last_name>C</last_nam></user>" + user("S100004", "D") + "</users>";
        var reason = refusal(xml);
        assertThat(reason.key()).isEqualTo("load.reason.not-well-formed");
        assertThat(reason.args().getFirst()).isEqualTo("6");
    }

    @Test
    void aRootOtherThanUsersAndAnEmptyFileAreRefused() {
        assertThat(refusal("<people/>").key()).isEqualTo("load.reason.root");
        assertThat(refusal("").key()).isIn("load.reason.empty", "load.reason.not-well-formed");
    }

    @Test
    void latinOneDeclaredIsReadAndLatinOneUndeclaredIsRefused() {
        var body = "<users>" + user("S100001", "Dupré") + "</users>";
        var declared = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + body).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(readAll(new ByteArrayInputStream(declared)))
                .singleElement()
                .isInstanceOfSatisfying(
                        ReadRow.Read.class, r -> assertThat(r.user().lastName()).isEqualTo("Dupré"));

        var undeclared = ("<?xml version=\"1.0\"?>" + body).getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(undeclared)))
                .isInstanceOfSatisfying(
                        FileRefusedException.class,
                        e -> assertThat(e.reason().key()).isEqualTo("load.reason.encoding"));
    }

    @Test
    void utf8WithABomAndUtf16AreRead() {
        var body = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><users>" + user("S100001", "Øverli-Çelik") + "</users>";
        var utf16 = body.getBytes(StandardCharsets.UTF_16); // with its byte-order mark
        assertThat(readAll(new ByteArrayInputStream(utf16)))
                .singleElement()
                .isInstanceOfSatisfying(
                        ReadRow.Read.class, r -> assertThat(r.user().lastName()).isEqualTo("Øverli-Çelik"));
        var bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        var utf8 = ("<users>" + user("S100002", "Trần") + "</users>").getBytes(StandardCharsets.UTF_8);
        var withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        assertThat(readAll(new ByteArrayInputStream(withBom)))
                .singleElement()
                .isInstanceOfSatisfying(
                        ReadRow.Read.class, r -> assertThat(r.user().lastName()).isEqualTo("Trần"));
    }

    @Test
    void controlCharactersAreNotWellFormed() {
        assertThat(refusal(HEAD + user("S100001", "A\u0000B") + "</users>").key())
                .isEqualTo("load.reason.not-well-formed");
    }

    @Test
    void skipToGoesOnExactlyAfterTheRowsAlreadyRead() {
        var xml = new StringBuilder(HEAD);
        for (int i = 1; i <= 20; i++) {
            xml.append(user("S1000" + String.format("%02d", i), "N" + (char) ('a' + i)));
        }
        xml.append("</users>");
        try (var reader = AlmaUserReader.open(
                new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)),
                "f.xml",
                ReadLimits.DEFAULTS)) {
            reader.skipTo(13);
            var rest = Stream.generate(reader::next)
                    .takeWhile(java.util.Optional::isPresent)
                    .map(java.util.Optional::get)
                    .toList();
            assertThat(rest).extracting(r -> r.position().element()).containsExactly(14L, 15L, 16L, 17L, 18L, 19L, 20L);
            assertThat(((ReadRow.Read) rest.getFirst()).user().primaryId()).isEqualTo("S100014");
        }
    }

    /** 200,000 rows generated as they are read: counted, and the heap does not hold them. */
    @Test
    void twoHundredThousandRowsAreStreamed() {
        var rows = Collections.enumeration(List.<InputStream>of(
                new ByteArrayInputStream(HEAD.getBytes(StandardCharsets.UTF_8)),
                new Users(200_000),
                new ByteArrayInputStream("</users>".getBytes(StandardCharsets.UTF_8))));
        long count = 0;
        try (var reader = AlmaUserReader.open(new SequenceInputStream(rows), "big.xml", ReadLimits.DEFAULTS)) {
            for (var row = reader.next(); row.isPresent(); row = reader.next()) {
                count++;
            }
        }
        assertThat(count).isEqualTo(200_000);
    }

    static AlmaUser user(ReadRow row) {
        assertThat(row).isInstanceOf(ReadRow.Read.class);
        return ((ReadRow.Read) row).user();
    }

    /** R-SIS-1: the sample file is valid against {@code load/alma-users.xsd} and read field by field. */
    @Test
    void theSampleIsValidAgainstTheSchemaAndReadFieldByField() throws Exception {
        var schema = SchemaFactory.newDefaultInstance().newSchema(getClass().getResource("/load/alma-users.xsd"));
        schema.newValidator().validate(new StreamSource(getClass().getResourceAsStream("/load/sample-users.xml")));

        List<ReadRow> rows;
        try (var in = getClass().getResourceAsStream("/load/sample-users.xml")) {
            rows = readAll(in);
        }

        assertThat(rows).hasSize(5).allMatch(row -> row instanceof ReadRow.Read);
        assertThat(user(rows.get(0)))
                .isEqualTo(new AlmaUser(
                        "PUBLIC",
                        "S201234",
                        "Élodie",
                        null,
                        "Wiśniewski-Dupré",
                        "MME",
                        null,
                        null,
                        "FEMALE",
                        "S",
                        "SART_TILMAN",
                        "fr",
                        "2003-05-17Z",
                        "2026-10-31Z",
                        "2027-10-31Z",
                        "EXTERNAL",
                        "SIS",
                        "ACTIVE",
                        List.of(new AlmaUser.Address(
                                true,
                                "External",
                                "Rue Saint-Gilles 12",
                                "Boîte 3",
                                null,
                                null,
                                null,
                                "Liège",
                                null,
                                "4000",
                                "BEL",
                                List.of("home"))),
                        List.of(new AlmaUser.Email(
                                true, "External", "elodie.wisniewski@student.uliege.be", List.of("school"))),
                        List.of(new AlmaUser.Phone(true, "External", "+32475123456", List.of("mobile"))),
                        List.of(new AlmaUser.Identifier("External", "UNIV_ID", "P123456", "ACTIVE")),
                        List.of(new AlmaUser.Note("External", "GENERAL", "Synchronisé le 2025-09-01")),
                        List.of(new AlmaUser.Statistic("External", "FAC_SCIENCES", "FACULTY")),
                        List.of("GRAULICH")));
        var staff = user(rows.get(1));
        assertThat(staff.jobCategory()).isEqualTo("ACADEMIC");
        assertThat(staff.jobDescription()).isEqualTo("Chargé de cours, chimie");
        assertThat(staff.phones())
                .containsExactly(new AlmaUser.Phone(false, "Internal", "+3243664321", List.of("office")));
        var hospital = user(rows.get(2));
        assertThat(hospital.userGroup()).isEqualTo("C");
        assertThat(hospital.addresses().getFirst().types()).containsExactly("work", "alternative");
        assertThat(hospital.addresses().getFirst().line1()).isEqualTo("Avenue de l’Hôpital 1");
        assertThat(user(rows.get(3)).middleName()).isEqualTo("José");
        assertThat(user(rows.get(3)).emails().getFirst().segmentType()).isNull();
        assertThat(user(rows.get(4)).addresses().getFirst().preferred()).isFalse();
        assertThat(rows).extracting(row -> user(row).userGroup()).containsExactly("S", "U", "C", "S", "U");
    }

    /** The same byte, n times, made as it is read. */
    static final class Repeating extends InputStream {
        private final int value;
        private long left;

        Repeating(char value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) value);
            left -= n;
            return n;
        }
    }

    /** Rows made as they are read. */
    static final class Users extends InputStream {
        private final int count;
        private int made;
        private byte[] current = new byte[0];
        private int at;

        Users(int count) {
            this.count = count;
        }

        @Override
        public int read() {
            if (at >= current.length) {
                if (made >= count) {
                    return -1;
                }
                made++;
                current = user("S" + (100_000 + made % 900_000), "Lambotte").getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            return current[at++] & 0xff;
        }
    }
}
