package be.uliege.library.registration.retention;

import static be.uliege.library.registration.desk.DeskFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.desk.RegistrationStep;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronContacts;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The right of access (R-RET-2, GDPR article 15): the JSON file holds, section by section, as many
 * items as the database holds rows for the patron in each table, with their values; the PDF says
 * the same in words; producing either is written in the history; a desk operator cannot.
 */
@SpringBootTest
@WithMockUser(
        username = "manager",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
class PersonalDataAccessIT {

    static final Duration LIMIT = Duration.ofSeconds(20);
    static final byte[] JPEG = jpeg();

    static byte[] jpeg() {
        var image = new java.awt.image.BufferedImage(8, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xE87722);
        var out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "jpg", out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Autowired
    PersonalDataAccess access;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    RegistrationStep step;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronContacts contacts;

    @Autowired
    PatronHistory history;

    @Autowired
    RetentionHolds holds;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    int rows(String table, long patronId) {
        return jdbc.queryForObject("select count(*) from " + table + " where patron_id = ?", Integer.class, patronId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void rRet2_theAccessFileHoldsEverything_sectionBySection_andThePdfSaysItInWords() throws Exception {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Inès", "Accès-Complet", Use.PRIVATE);
        long id = entry.patronId();
        var record = patrons.details(id);
        validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.BELGIAN_ID_CARD);
        fees.payCash(fees.registrationFees(id).stream().map(FeeLine::id).toList(), "ALP");
        step.register(id, patrons.details(id).version(), "ALP");
        await("the welcome mail", LIMIT, () -> "SENT".equals(step.progress(id).welcomeMail()));
        await("the directory account", LIMIT, () -> step.progress(id).account() != null);
        contacts.addNote(id, patrons.details(id).version(), "Préfère être appelée le matin");
        holds.hold(id, "Litige sur un prêt entre bibliothèques");
        jdbc.update(
                "insert into patron_photo (patron_id, jpeg, source, taken_by, taken_at) values (?, ?, 'CAMERA', 'op', now())",
                id,
                JPEG);
        jdbc.update(
                "insert into card (patron_id, status, reason, site, printed_by, printed_at) values (?, 'ACTIVE', 'FIRST', 'ALP', 'op', now())",
                id);
        int historyBefore = history.lines(id).size();

        var out = new ByteArrayOutputStream();
        access.writeJson(id, out);
        Map<String, Object> document = json.readValue(out.toByteArray(), Map.class);

        assertThat(document).containsEntry("identifier", entry.identifier()).containsEntry("producedBy", "manager");
        var sections = (Map<String, List<Map<String, String>>>) document.get("sections");
        // As many items as the database holds rows for the patron, table by table.
        for (var table : Map.of(
                        "contacts", "contact_item",
                        "notes", "patron_note",
                        "identityChecks", "identity_check",
                        "registrations", "registration",
                        "directoryAccount", "directory_account",
                        "fees", "fee",
                        "cards", "card",
                        "photo", "patron_photo",
                        "preRegistration", "pre_registration")
                .entrySet()) {
            assertThat(sections.get(table.getKey()))
                    .as(table.getKey())
                    .hasSize(rows(table.getValue(), id))
                    .isNotEmpty();
        }
        // A pre-registered patron has no identifier besides the primary one: none held, none given.
        assertThat(sections.get("identifiers")).hasSize(rows("additional_identifier", id));
        assertThat(sections.get("history")).hasSize(historyBefore);
        assertThat(sections.get("retentionHold"))
                .singleElement()
                .satisfies(h -> assertThat(h.get("reason")).isEqualTo("Litige sur un prêt entre bibliothèques"));
        var person = sections.get("record").getFirst();
        assertThat(person)
                .containsEntry("firstName", "Inès")
                .containsEntry("lastName", "Accès-Complet")
                .containsEntry("primaryIdentifier", entry.identifier())
                .containsKeys("birthDate", "expirationDate", "purgeDate", "preferredLanguage");
        assertThat(sections.get("contacts"))
                .anySatisfy(c -> assertThat(c.get("value")).isEqualTo(entry.email()));
        var consent = jdbc.queryForMap(
                "select privacy_notice_version, privacy_accepted_at from pre_registration where patron_id = ?", id);
        assertThat(sections.get("preRegistration").getFirst())
                .containsEntry("privacyNoticeVersion", String.valueOf(consent.get("privacy_notice_version")))
                .containsKey("privacyAcceptedAt");
        var receipt = fees.forPatron(id).getFirst().receiptNumber();
        assertThat(sections.get("fees"))
                .anySatisfy(f -> assertThat(f.get("receiptNumber")).isEqualTo(receipt));
        assertThat(Base64.getDecoder().decode(sections.get("photo").getFirst().get("base64")))
                .isEqualTo(JPEG);
        assertThat(sections.get("notes"))
                .anySatisfy(n -> assertThat(n.get("text")).isEqualTo("Préfère être appelée le matin"));

        var pdf = new ByteArrayOutputStream();
        access.writePdf(id, Locale.ENGLISH, pdf);
        var reader = new PdfReader(pdf.toByteArray());
        var text = new StringBuilder();
        var extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        assertThat(text.toString())
                .contains("Data held on " + entry.identifier())
                .contains("Accès-Complet")
                .contains(entry.email())
                .contains(String.valueOf(consent.get("privacy_notice_version")))
                .contains(receipt)
                .contains("Préfère être appelée le matin")
                .contains("Pre-registration and consent", "Identity documents checked", "Directory account", "History");

        assertThat(history.lines(id).stream().filter(l -> l.field().equals("dataAccess")))
                .as("each file produced is written in the history")
                .hasSize(2);
    }

    @Test
    @WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
    void aDeskOperatorCannotProduceTheAccessFile() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Refus", "Accès", Use.PRIVATE);
        assertThatThrownBy(() -> access.writeJson(entry.patronId(), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
