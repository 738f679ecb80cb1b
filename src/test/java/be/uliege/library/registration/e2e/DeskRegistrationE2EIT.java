package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.preregistration.PreRegistrationForm;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The desk's whole registration in Chromium (R-DESK-2…4, R-FEE-1): an operator signs in, opens the
 * oldest entry of the queue, sees the former student it resembles with the reasons in words,
 * validates it as a new patron after the identity check, takes 5 € in cash and activates; the
 * password shown once binds to the directory entry, and the welcome mail is in the mail server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskRegistrationE2EIT {

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    PatronService patrons;

    @Autowired
    Patrons patronRecords;

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

    @Test
    void anOperatorOpensTheOldestEntry_seesItsDuplicate_validates_takes5Euros_andActivates() throws Exception {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "k");
        var birth = LocalDate.of(1988, 5, 17);
        var email = "marie." + tag + "@example.be";
        // A former student with the same name (written without accents) and birth date.
        var former = "S" + (700000 + Math.floorMod(tag.hashCode(), 99999));
        SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                former,
                new PatronDraft(
                        "Marie",
                        "Lefevre-" + tag,
                        Gender.F,
                        birth,
                        Language.FRE,
                        "Étudiant ULiège",
                        "Étudiant ULiège",
                        null,
                        null,
                        LibraryDay.today().minusYears(2),
                        null,
                        List.of(ContactDraft.email("m" + tag + "@student.uliege.be", ContactUsage.WORK))),
                PatronStatus.INACTIVE,
                PatronRules.Actor.LOAD));
        var submitted = registrations.submit(new PreRegistrationForm(
                "Marie",
                "Lefèvre-" + tag,
                birth,
                Gender.F,
                Language.FRE,
                email,
                "0478 12 34 56",
                "Rue Saint-Gilles 30",
                "4000",
                "Liège",
                "BE",
                "Aucun",
                null,
                Use.PRIVATE,
                "2026-1",
                true));
        // Confirmed forty days ago: the oldest entry of the queue.
        jdbc.update(
                "update pre_registration set status = 'CONFIRMED', confirmed_at = ? where patron_identifier = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(40))),
                submitted.identifier());

        // A desk computer's screen.
        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(1366, 768));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/queue");
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        // The queue, oldest first: the entry is the first row.
        var firstRow = page.locator("#queue-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(submitted.identifier()));
        assertThat(firstRow.first()).isVisible();
        assertThat(page.locator("#queue-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Doublon possible"))
                        .first())
                .isVisible();
        firstRow.first().click();

        // The entry beside its possible duplicate, with the reasons in words.
        assertThat(page.locator("#validation-title")).containsText(submitted.identifier());
        var candidate =
                page.locator("#duplicate-candidates .candidate").filter(new Locator.FilterOptions().setHasText(former));
        assertThat(candidate).isVisible();
        assertThat(candidate.locator(".candidate-reasons")).containsText("même date de naissance");
        // Beside the entry, in sight without scrolling, on a 1366 × 768 screen (R-DESK-3).
        var form = page.locator("#validation-entry").boundingBox();
        var seen = candidate.boundingBox();
        Assertions.assertThat(seen.x).as("to the right of the entry").isGreaterThanOrEqualTo(form.x + form.width - 1);
        Assertions.assertThat(seen.y + seen.height)
                .as("within the screen's height")
                .isLessThanOrEqualTo(768);
        Assertions.assertThat(((Number) page.evaluate("() => window.scrollY")).doubleValue())
                .as("nothing scrolled")
                .isZero();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/e2e/desk-validation.png"))
                .setFullPage(true));

        // Validating without the identity document is refused on the spot; then with it.
        page.locator("#validate-new").click();
        assertThat(page.locator("#identity-document")).hasAttribute("invalid", "");
        page.locator("#identity-document vaadin-select-value-button").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("Carte d’identité belge"))
                .click();
        page.locator("#validate-new").click();

        // The registration: identity checked, 5 € taken in cash, then the activation.
        assertThat(page.locator("#registration-title")).containsText(submitted.identifier());
        assertThat(page.locator("#identity-done")).containsText("Carte d’identité belge");
        page.locator("#fees-pay").click();
        assertThat(page.locator("#receipt-pdf")).isVisible();
        page.locator("#registration-run").click();

        // The login and password, shown once.
        assertThat(page.locator("#slip-login")).containsText(submitted.identifier());
        var password = page.locator("#slip-password")
                .textContent()
                .replaceAll("^.*:\\s+", "")
                .strip();
        Assertions.assertThat(password).hasSize(12);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/desk-password.png")));
        page.locator("#slip-done").click();
        assertThat(page.locator("#slip-password")).hasCount(0);
        assertThat(page.locator("#registration-status")).containsText("Actif");
        // The steps after the commit show as done (the page polls while they are pending).
        assertThat(page.locator("#progress-account")).containsText("créé");
        assertThat(page.locator("#progress-mail")).containsText("envoyé");

        // The directory entry binds with the shown password; the welcome mail arrived.
        var servers = Objects.requireNonNull(EmbeddedServers.running());
        try (var connection = servers.directory().getConnection()) {
            Assertions.assertThat(connection
                            .bind("uid=" + submitted.identifier() + ",ou=patrons,dc=uliege,dc=be", password)
                            .getResultCode())
                    .isEqualTo(ResultCode.SUCCESS);
        }
        var welcome = Arrays.stream(servers.mail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email)
                                && m.getSubject().startsWith("Bienvenue");
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
        Assertions.assertThat(welcome).hasSize(1);

        // Then on to the card screen.
        page.locator("#registration-to-card").click();
        assertThat(page.locator("#card-title")).containsText(submitted.identifier());
        context.close();
    }

    @Autowired
    DeskValidation validation;

    @Autowired
    Fees fees;

    @Test
    void afterTheStep_aReloadShowsTheRegistrationDone_theFeeOnce_andLeadsToTheCard() throws Exception {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "r");
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Léonie", "Rechargée-" + tag, Use.PRIVATE);
        DeskFixtures.as(
                "operator",
                () -> {
                    var record = patrons.details(entry.patronId());
                    validation.validateAsNew(
                            entry.id(), record.version(), record.draft(), IdentityDocument.BELGIAN_ID_CARD);
                    return fees.payCash(
                            fees.registrationFees(entry.patronId()).stream()
                                    .map(FeeLine::id)
                                    .toList(),
                            "ALP");
                },
                Roles.DESK_OPERATOR);

        var context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-BE"));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/registration/" + entry.patronId());
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        page.locator("#registration-run").click();
        assertThat(page.locator("#slip-password")).isVisible();
        page.locator("#slip-done").click();

        // Reloaded: the registration is done, from the database; nothing invites a second fee.
        page.reload();
        assertThat(page.locator("#registration-done")).containsText("operator");
        assertThat(page.locator("#identity-done")).containsText("Carte d’identité belge");
        assertThat(page.locator("#fees-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Patron Registration Fee")))
                .hasCount(1);
        assertThat(page.locator("#fees-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Payé en espèces")))
                .hasCount(1);
        assertThat(page.getByText("Fixer les frais")).hasCount(0);
        assertThat(page.locator("#fees-charge")).hasCount(0);
        assertThat(page.locator("#fees-pay")).hasCount(0);
        assertThat(page.locator("#registration-run")).hasCount(0);
        assertThat(page.locator("#progress-account")).containsText("créé");
        assertThat(page.locator("#progress-mail")).containsText("envoyé");
        // The receipt opens again.
        var receipt = page.request()
                .get((String) page.evaluate("() => document.getElementById('receipt-pdf').href"))
                .body();
        Assertions.assertThat(new String(receipt, 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        // Running the step again is there, but not as the primary action: the card is.
        assertThat(page.locator("#registration-rerun")).isVisible();
        assertThat(page.locator("#registration-rerun")).not().hasAttribute("theme", Pattern.compile(".*primary.*"));
        assertThat(page.locator("#registration-to-card")).hasAttribute("theme", Pattern.compile(".*primary.*"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/e2e/desk-registration-done.png"))
                .setFullPage(true));

        // The desk's site shows its whole name (the longest one chosen), here and on the card screen.
        choose(page, "#desk-site", "Bibliothèque des Sciences et Techniques");
        assertShowsItsWholeValue(page, "#desk-site");

        page.locator("#registration-to-card").click();
        page.waitForURL("**/cards/" + entry.patronId());
        assertThat(page.locator("#card-title")).containsText(entry.identifier());
        assertThat(page.locator("#card-site")).containsText("Sciences et Techniques");
        assertShowsItsWholeValue(page, "#card-site");
        assertThat(page.locator("#card-site > label[slot='label']")).hasText("Site du guichet (impression et caisse)");
        Assertions.assertThat(jdbc.queryForObject(
                        "select count(*) from fee where patron_id = ?", Integer.class, entry.patronId()))
                .isEqualTo(1);
        context.close();
    }

    private static void choose(Page page, String select, String item) {
        page.locator(select + " vaadin-select-value-button").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText(item))
                .click();
        assertThat(page.locator(select + " vaadin-select-value-button")).containsText(item);
    }

    /** The text of a select's value ends inside its field, before the toggle: nothing is cut off. */
    private static void assertShowsItsWholeValue(Page page, String select) {
        var fits = page.evaluate("""
                (id) => {
                  const field = document.querySelector(id);
                  const value = field.querySelector('vaadin-select-value-button');
                  const range = document.createRange();
                  range.selectNodeContents(value);
                  const text = range.getBoundingClientRect();
                  const toggle = field.shadowRoot.querySelector('[part~="toggle-button"]').getBoundingClientRect();
                  return [text.right, toggle.left, value.scrollWidth, value.clientWidth];
                }""", select);
        var sizes =
                ((List<?>) fits).stream().map(n -> ((Number) n).doubleValue()).toList();
        Assertions.assertThat(sizes.get(0))
                .as(select + ": text end against toggle start " + sizes)
                .isLessThanOrEqualTo(sizes.get(1));
        Assertions.assertThat(sizes.get(2))
                .as(select + ": scroll width " + sizes)
                .isLessThanOrEqualTo(sizes.get(3));
    }
}
