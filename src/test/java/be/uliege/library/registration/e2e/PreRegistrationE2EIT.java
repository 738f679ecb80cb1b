package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.embedded.EmbeddedServers;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member of the public pre-registers in Chromium as a new user would (R-PRE-1…4): the page in
 * French, a mistyped postal code and its message, the fix, the submission (the browser solves the
 * challenge), the mail in the embedded mail server, the link, the confirmation; the entry is then
 * in the desk's queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PreRegistrationE2EIT {

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        browser = chromium.browser;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    static void fill(Page page, String field, String value) {
        var input = page.locator("#field-" + field + " input");
        input.fill(value);
        input.press("Tab");
    }

    @Test
    void aNewUserPreRegistersInFrench_followsTheMessage_confirmsByMail_andReachesTheQueue() throws Exception {
        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(360, 780)); // a phone
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/inscription");
        assertThat(page.locator("h1")).hasText("Préinscription aux bibliothèques de l’ULiège");

        var email = "chloe." + UUID.randomUUID().toString().substring(0, 8) + "@example.be";
        fill(page, "firstName", "Chloé");
        fill(page, "lastName", "Navigatrice");
        // On a phone the date picker opens full screen: Enter commits the typed date and closes it.
        page.locator("#field-birthDate input").fill("12/04/1995");
        page.locator("#field-birthDate input").press("Enter");
        assertThat(page.locator("#field-birthDate[opened]")).hasCount(0);
        page.locator("#field-gender").getByText("Femme").click();
        page.locator("#field-preferredLanguage").getByText("Français").click();
        fill(page, "email", email);
        fill(page, "phone", "0475/12.34.56");
        assertThat(page.locator("#field-phone")).containsText("32475123456");
        fill(page, "address-line1", "Rue Saint-Gilles 150");
        fill(page, "address-postalCode", "4999"); // mistyped
        fill(page, "address-city", "Liège");
        var postalError = page.locator("#field-address-postalCode [slot='error-message']");
        assertThat(postalError).containsText("n’existe pas en Belgique");

        fill(page, "address-postalCode", "4000");
        assertThat(postalError).isHidden();
        fill(page, "jobCategory", "AUTRE HE / UNIV");
        fill(page, "jobDescription", "Haute École de la Province de Liège");
        page.locator("#field-use").getByText("Privé ou sans but lucratif").click();
        assertThat(page.locator("#fees")).containsText("5 €");
        page.locator("#field-privacyNoticeAccepted input").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma préinscription"))
                .click();

        var submitted = page.locator("#submitted");
        assertThat(submitted).containsText("Préinscription enregistrée");
        var identifier = Pattern.compile("B95\\d{4}").matcher(submitted.textContent());
        assertThat(identifier.find()).isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/pre-registration-done.png")));

        // The mail, read in the embedded mail server; its link, opened in the browser.
        var link = confirmationLink(email);
        // On the embedded defaults the link carries the port the application really listens on.
        assertThat(link).startsWith("http://localhost:" + port + "/inscription/confirmation?token=");
        page.navigate(link);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer mon adresse e-mail"))
                .click();
        assertThat(page.locator("#confirmation-result")).containsText("est confirmée");
        assertThat(queue()).contains(identifier.group());

        // The same link opened again (from the mail, days later): it says so, and offers no button.
        page.navigate("http://localhost:" + port + link.substring(link.indexOf("/inscription/confirmation")));
        assertThat(page.locator("#confirmation-result")).containsText("déjà confirmée");
        assertThat(page.locator("#confirm-email")).hasCount(0);
        // A link nobody was sent learns nothing: the button, then "no longer valid".
        page.navigate("http://localhost:" + port + "/inscription/confirmation?token=" + "x".repeat(43));
        page.locator("#confirm-email").click();
        assertThat(page.locator("#confirmation-result")).containsText("n’est plus valable");
        context.close();
    }

    /**
     * R-PRE-1 on a phone (touch, 390 px): the birth date is typed on the digit keyboard as eight
     * digits, written back as understood; no calendar opens by itself, not even after a refused
     * submission; a two-digit year gets a message that says how to write it.
     */
    @Test
    void aPersonTypesTheBirthDateOnAPhone() {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-BE")
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/inscription");
        var date = page.locator("#field-birthDate input");
        // The keyboard each field needs (the attribute must be on the input itself to count).
        assertThat(date).hasAttribute("inputmode", "numeric");
        assertThat(page.locator("#field-phone input")).hasAttribute("inputmode", "tel");
        assertThat(page.locator("#field-email input")).hasAttribute("inputmode", "email");
        assertThat(page.locator("#field-address-postalCode input")).hasAttribute("inputmode", "numeric");
        date.tap();
        page.keyboard().type("120490");
        page.locator("#field-firstName input").tap();
        assertThat(page.locator("#field-birthDate [slot='error-message']")).containsText("quatre chiffres");
        date.fill("");
        date.tap();
        page.keyboard().type("12041990");
        page.locator("#field-firstName input").tap();
        assertThat(date).hasValue("12/04/1990");
        assertThat(page.locator("#field-birthDate [slot='error-message']")).isHidden();

        // A refused submission (nothing else filled): messages, and no calendar over the form.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma préinscription"))
                .click();
        assertThat(page.locator("#feedback")).containsText("à corriger");
        assertThat(page.locator("vaadin-date-picker-overlay[opened]")).hasCount(0);
        assertThat(date).hasValue("12/04/1990");

        var email = "telephone." + UUID.randomUUID().toString().substring(0, 8) + "@example.be";
        fill(page, "firstName", "Yasmina");
        fill(page, "lastName", "Téléphone");
        page.locator("#field-gender").getByText("Femme").click();
        page.locator("#field-preferredLanguage").getByText("Français").click();
        fill(page, "email", email);
        fill(page, "phone", "0486 12 34 56");
        fill(page, "address-line1", "Rue Grétry 12");
        fill(page, "address-postalCode", "4020");
        fill(page, "address-city", "liege");
        // Typed without its accent, the locality is written back as the list spells it (R-CON-4).
        assertThat(page.locator("#field-address-city input")).hasValue("Liège");
        fill(page, "jobCategory", "Aucun");
        page.locator("#field-use").getByText("Privé ou sans but lucratif").click();
        page.locator("#field-privacyNoticeAccepted input").check();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/e2e/pre-registration-phone.png"))
                .setFullPage(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma préinscription"))
                .click();
        assertThat(page.locator("#submitted")).containsText("Préinscription enregistrée");
        assertThat(jdbc.queryForObject(
                        "select p.birth_date from patron p join contact_item c on c.patron_id = p.id "
                                + "where c.item_value = ?",
                        LocalDate.class,
                        email))
                .isEqualTo(LocalDate.of(1990, 4, 12));
        assertThat(jdbc.queryForObject(
                        "select a.city from contact_item a join contact_item e on e.patron_id = a.patron_id "
                                + "where e.item_value = ? and a.kind = 'ADDRESS'",
                        String.class,
                        email))
                .isEqualTo("Liège");

        // The card activation page brings up the digit keyboard for the code (R-CARD-5).
        page.navigate("http://localhost:" + port + "/carte");
        assertThat(page.locator("#card-code input")).hasAttribute("inputmode", "numeric");
        context.close();
    }

    static String confirmationLink(String email) throws Exception {
        var link = Pattern.compile("https?://\\S+/inscription/confirmation\\?token=[A-Za-z0-9_-]+");
        for (int i = 0; i < 100; i++) {
            for (var m : EmbeddedServers.running().mail().getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(email)) {
                    var matcher = link.matcher(m.getContent().toString());
                    if (matcher.find()) {
                        return matcher.group();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No confirmation mail to " + email);
    }

    /** The identifiers in the desk's queue: the confirmed entries (R-DESK-2). */
    private List<String> queue() {
        return jdbc.queryForList(
                "select patron_identifier from pre_registration where status = 'CONFIRMED'", String.class);
    }
}
