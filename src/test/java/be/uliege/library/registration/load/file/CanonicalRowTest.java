package be.uliege.library.registration.load.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixed form of a row (R-SIS-5): what the load keeps of a row to apply later and whose digest
 * tells an unchanged row. Read again, it gives the same user and the same form; what the parser does
 * not read (comments, CDATA against escaped text) does not change it; any value that changes
 * changes it.
 */
class CanonicalRowTest {

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users>\n";

    static List<RawRow> raw(String xml) {
        var rows = new ArrayList<RawRow>();
        try (var reader = AlmaUserReader.open(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "people.xml", ReadLimits.DEFAULTS)) {
            for (var row = reader.nextRaw(); row.isPresent(); row = reader.nextRaw()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    static RawRow one(String user) {
        return raw(HEAD + user + "</users>").getFirst();
    }

    static String user(String lastName, String phone) {
        return "<user><primary_id>S100001</primary_id><first_name>Élodie</first_name><last_name>" + lastName
                + "</last_name><user_group desc=\"Student &amp; &quot;régulier&quot;\">S</user_group>"
                + "<contact_info><phones><phone preferred=\"true\" segment_type=\"External\">"
                + "<phone_number>" + phone + "</phone_number><phone_types><phone_type>mobile</phone_type>"
                + "</phone_types></phone></phones></contact_info>"
                + "<user_identifiers><user_identifier segment_type=\"External\"><id_type>UNIV_ID</id_type>"
                + "<value>P0100001</value></user_identifier></user_identifiers></user>\n";
    }

    @Test
    void theSampleFileReadFromItsFormIsTheSameUsers_andItsFormTheSameForm() throws IOException {
        byte[] sample;
        try (var in = getClass().getResourceAsStream("/load/sample-users.xml")) {
            sample = in.readAllBytes();
        }
        var original = AlmaUserReaderTest.readAll(new ByteArrayInputStream(sample));
        var forms = raw(new String(sample, StandardCharsets.UTF_8));
        assertThat(forms).hasSameSizeAs(original).isNotEmpty();

        var again = AlmaUserReaderTest.readAll(
                HEAD + String.join("", forms.stream().map(RawRow::xml).toList()) + "</users>");
        var formsAgain =
                raw(HEAD + String.join("", forms.stream().map(RawRow::xml).toList()) + "</users>");

        for (int i = 0; i < original.size(); i++) {
            var before = (ReadRow.Read) original.get(i);
            var after = (ReadRow.Read) again.get(i);
            assertThat(after.user()).isEqualTo(before.user());
            assertThat(after.digest())
                    .isEqualTo(before.digest())
                    .isEqualTo(forms.get(i).digest());
            assertThat(formsAgain.get(i).xml()).isEqualTo(forms.get(i).xml());
        }
        assertThat(forms.getFirst().primaryId()).isNotBlank();
    }

    @Test
    void whatTheParserDoesNotReadLeavesTheFormAlone_andAnyValueChangesIt() {
        var withComment = one(
                user("D'Hondt &amp; Fils", "0475 12 34 56").replace("<first_name>", "<!-- checked --><first_name>"));
        var withCdata = one(user("<![CDATA[D'Hondt & Fils]]>", "0475 12 34 56"));
        var otherPhone = one(user("D'Hondt &amp; Fils", "0475 12 34 57"));
        var otherAttribute =
                one(user("D'Hondt &amp; Fils", "0475 12 34 56").replace("preferred=\"true\"", "preferred=\"false\""));

        var reference = one(user("D'Hondt &amp; Fils", "0475 12 34 56"));
        assertThat(withComment.digest()).isEqualTo(reference.digest());
        assertThat(withCdata.digest()).isEqualTo(reference.digest());
        assertThat(otherPhone.digest()).isNotEqualTo(reference.digest());
        assertThat(otherAttribute.digest()).isNotEqualTo(reference.digest());
        assertThat(reference.primaryId()).isEqualTo("S100001");
        assertThat(reference.position().element()).isEqualTo(1);
    }

    @Test
    void newLinesTabsAndQuotesInAttributesSurviveTheForm() {
        var row = one(user("Van den Bossche", "0475 12 34 56")
                .replace("desc=\"Student &amp; &quot;régulier&quot;\"", "desc=\"a&#10;b&#9;c&#13;d &lt;e&gt;\""));
        var again = one(row.xml());
        assertThat(again.xml()).isEqualTo(row.xml());
        assertThat(row.xml()).contains("desc=\"a&#10;b&#9;c&#13;d &lt;e&gt;\"");
    }

    @Test
    void aRowLargerThanTheLimitIsUnreadableAndNotKept() {
        var notes = new StringBuilder("<user_notes>");
        for (int i = 0; i < 90; i++) {
            notes.append("<user_note><note_text>").append("x".repeat(3_500)).append("</note_text></user_note>");
        }
        notes.append("</user_notes>");
        var limits = new ReadLimits(4_000, 1 << 20, 100, 32, 50, 1L << 32, 200, 200_000);
        var xml = HEAD + user("Nowak", "0475 12 34 56").replace("</user>", notes + "</user>") + "</users>";

        try (var reader = AlmaUserReader.open(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "people.xml", limits)) {
            var raw = reader.nextRaw().orElseThrow();
            assertThat(raw.xml()).isNull();
            assertThat(raw.digest()).isNull();
            assertThat(raw.primaryId()).isEqualTo("S100001");
        }
        try (var reader = AlmaUserReader.open(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "people.xml", limits)) {
            var row = reader.next().orElseThrow();
            assertThat(row).isInstanceOfSatisfying(ReadRow.Unreadable.class, u -> {
                assertThat(u.reason().key()).isEqualTo("load.reason.row-too-large");
                assertThat(u.primaryId()).isEqualTo("S100001");
            });
        }
    }
}
