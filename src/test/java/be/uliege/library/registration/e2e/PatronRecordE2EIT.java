package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.desk.RegistrationStep;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The patron's record at the desk in Chromium, on a 1366 × 768 screen (R-DESK-4, R-FEE-2,
 * R-INT-1): after a registration step, the registration step, the directory account and the fee
 * with its receipt are shown in words, nothing wider than the screen; the receipt prints as a PDF,
 * and a real double click on "e-mail the receipt again" or "send the welcome mail again" sends one
 * mail each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PatronRecordE2EIT {

    private static final Duration AFTER_COMMIT = Duration.ofSeconds(20);

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    PatronService patrons;

    @Autowired
    DeskValidation validation;

    @Autowired
    Fees fees;

    @Autowired
    RegistrationStep step;

    @Autowired
    Cards cards;

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

    /** axe-core's serious and critical violations in these parts of the page (installed as {@link AccessibilityE2EIT} does). */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page, String... parts) throws Exception {
        if (!Files.exists(AccessibilityE2EIT.AXE)) {
            var npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            "target/axe",
                            "--no-audit",
                            "--no-fund",
                            "--no-save",
                            "axe-core@" + AccessibilityE2EIT.AXE_VERSION)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/axe-npm.log")))
                    .start();
            Assertions.assertThat(npm.waitFor(180, TimeUnit.SECONDS))
                    .as("npm install axe-core")
                    .isTrue();
        }
        page.evaluate(Files.readString(AccessibilityE2EIT.AXE));
        var result = (List<Map<String, Object>>) page.evaluate("""
                async parts => (await axe.run({include: parts.map(p => [p])}, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))""", List.of(parts));
        return (List<String>) (List<?>) result;
    }

    @Test
    void theRecordShowsTheStepsAndTheReceipt_withinTheScreen_andADoubleClickSendsOneMail() throws Exception {
        long id = DeskFixtures.as(
                "operator",
                () -> {
                    var patron = DeskFixtures.readyForRegistration(
                            registrations, jdbc, validation, patrons, fees, "Lucie", "Double-Clic");
                    step.register(patron, patrons.details(patron).version(), "BST");
                    cards.print(patron, "BST", Cards.Reason.FIRST, Cards.Printing.CARD_AND_LETTER);
                    return patron;
                },
                Roles.DESK_OPERATOR);
        String email = jdbc.queryForObject(
                "select item_value from contact_item where patron_id = ? and kind = 'EMAIL'", String.class, id);
        String receipt = jdbc.queryForObject("select receipt_number from fee where patron_id = ?", String.class, id);
        DeskFixtures.await(
                "the welcome mail",
                AFTER_COMMIT,
                () -> "SENT"
                        .equals(jdbc.queryForObject(
                                "select welcome_mail from registration where patron_id = ?", String.class, id)));
        Assertions.assertThat(DeskFixtures.mailsTo(email, "Bienvenue")).hasSize(1);

        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(1366, 768));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/patrons/" + id);
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        assertThat(page.locator("#patron-registrations")).containsText("Première inscription");
        assertThat(page.locator("#patron-registrations")).containsText("Bibliothèque des Sciences et Techniques");
        assertThat(page.locator("#patron-directory-account")).containsText("écrit le");
        assertThat(page.locator("#patron-fees")).containsText("Payé en espèces");
        assertThat(page.locator("#patron-fees")).containsText(receipt);
        assertThat(page.locator("#patron-cards")).containsText("Imprimée, pas encore activée");
        assertThat(page.locator("#patron-cards")).containsText("Bibliothèque des Sciences et Techniques");
        // Whole words: no cell of the new sections is cut.
        Assertions.assertThat(((Number) page.evaluate("""
                                () => [...document.querySelectorAll(
                                    '#patron-registrations-grid vaadin-grid-cell-content, '
                                    + '#patron-fees-grid vaadin-grid-cell-content, #patron-cards-grid vaadin-grid-cell-content')]
                                  .filter(c => c.scrollWidth > c.clientWidth + 1).length
                                """)).intValue()).isZero();
        // Nothing wider than a desk's screen.
        Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(1366);
        for (var section : new String[] {"#patron-registrations", "#patron-fees", "#patron-cards"}) {
            var box = Objects.requireNonNull(page.locator(section).boundingBox());
            Assertions.assertThat(box.x + box.width).as(section).isLessThanOrEqualTo(1366);
        }
        for (var section : new String[] {"patron-registrations", "patron-fees", "patron-cards"}) {
            page.locator("#" + section)
                    .screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target/e2e/" + section + ".png")));
        }

        // No serious or critical WCAG 2.1 AA violation in the new sections.
        Assertions.assertThat(seriousViolations(page, "#patron-registrations", "#patron-fees", "#patron-cards"))
                .isEmpty();

        // The receipt prints as a PDF.
        var pdf = page.request()
                .get((String) page.evaluate("id => document.getElementById(id).href", "patron-receipt-pdf-" + receipt))
                .body();
        Assertions.assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // A real double click on each: one mail each.
        page.locator("#patron-receipt-mail-" + receipt).dblclick();
        page.locator("#patron-resend-mail").dblclick();
        DeskFixtures.await(
                "the receipt mailed",
                AFTER_COMMIT,
                () -> DeskFixtures.mailsTo(email, receipt).size() == 1);
        DeskFixtures.await(
                "the welcome mail sent again",
                AFTER_COMMIT,
                () -> DeskFixtures.mailsTo(email, "Bienvenue").size() == 2);
        Thread.sleep(2000); // a second mail of a double click would have come by now
        Assertions.assertThat(DeskFixtures.mailsTo(email, receipt)).hasSize(1);
        Assertions.assertThat(DeskFixtures.mailsTo(email, "Bienvenue")).hasSize(2);
        assertThat(page.locator("#patron-resend-mail")).isDisabled();
        context.close();
    }
}
