package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A desk manager at a 1366 × 768 desk screen (R-DESK-3, R-CNV-1): the pre-registration "Muller"
 * and the former student "Müller" it resembles are side by side, the candidate in sight without
 * scrolling and its facts as text; converting goes through one dialog that shows
 * "Müller → Muller", keeps "Müller", and names the action on its button.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TakeOverE2EIT {

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
    void theCandidateIsBesideTheEntry_andTheConversionKeepsTheRecordsName() {
        var tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("[\\d-]", "z");
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Hedwig", "Muller-" + tag, Use.PRIVATE);
        var birth = DeskFixtures.as("operator", () -> patrons.details(entry.patronId()), Roles.DESK_OPERATOR)
                .birthDate();
        var former = SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                "S" + (600000 + Math.floorMod(tag.hashCode(), 99999)),
                new PatronDraft(
                        "Hedwig",
                        "Müller-" + tag,
                        Gender.F,
                        birth,
                        Language.FRE,
                        "Étudiant ULiège",
                        "Étudiant ULiège",
                        null,
                        null,
                        LibraryDay.today().minusYears(2),
                        null,
                        List.of(ContactDraft.email("h." + tag + "@student.uliege.be", ContactUsage.WORK))),
                PatronStatus.INACTIVE,
                PatronRules.Actor.LOAD));

        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(1366, 768));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/queue/entry/" + entry.id());
        page.getByLabel("Identifiant").fill("manager");
        page.getByLabel("Mot de passe").fill("demo-manager");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        // (a) The candidates beside the entry, in sight without scrolling.
        assertThat(page.locator("#validation-title")).containsText(entry.identifier());
        var candidate = page.locator("#duplicate-candidates .candidate")
                .filter(new Locator.FilterOptions().setHasText(former.primaryIdentifier()));
        assertThat(candidate).isVisible();
        var list = page.locator("#duplicate-candidates").boundingBox();
        var entryColumn = page.locator("#validation-entry").boundingBox();
        var form = page.locator("#validation-entry vaadin-form-layout").boundingBox();
        Assertions.assertThat(list.x)
                .as("to the right of the entry")
                .isGreaterThanOrEqualTo(entryColumn.x + entryColumn.width - 1)
                .isGreaterThanOrEqualTo(form.x + form.width - 1);
        assertInside(list, 1366, 768);
        Assertions.assertThat(list.y).as("level with the form, not below it").isLessThan(form.y + form.height);
        Assertions.assertThat(((Number) page.evaluate("() => window.scrollY")).doubleValue())
                .as("nothing scrolled")
                .isZero();
        // Its facts are text: no input's box or background, no field.
        var facts = page.evaluate("""
                () => {
                  const dd = document.querySelector('#duplicate-candidates .candidate-facts dd');
                  const style = getComputedStyle(dd);
                  return [dd.tagName, style.backgroundColor, style.borderTopStyle,
                          document.querySelectorAll('#validation-comparison vaadin-text-field').length];
                }""");
        Assertions.assertThat(((List<?>) facts).stream().map(String::valueOf).toList())
                .containsExactly("DD", "rgba(0, 0, 0, 0)", "none", "0");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/takeover-validation.png")));

        // (b) The conversion, through one dialog.
        page.locator("#identity-document vaadin-select-value-button").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("Passeport"))
                .click();
        candidate.locator(".take-over").click();
        var dialog = page.locator("#takeover-table");
        assertThat(dialog).isVisible();
        assertThat(page.locator("#takeover-row-LAST_NAME .takeover-values"))
                .hasText("Müller-" + tag + " → Muller-" + tag);
        assertThat(page.locator("#takeover-choice-LAST_NAME vaadin-radio-button[checked]"))
                .hasText("Garder celle de la fiche");
        assertThat(page.locator("#takeover-row-PRIMARY_IDENTIFIER .takeover-values"))
                .containsText(former.primaryIdentifier() + " → nouvel identifiant B");
        assertThat(page.locator("#takeover-confirm"))
                .hasText("Convertir " + former.primaryIdentifier() + " en lecteur B");
        page.waitForFunction("() => !document.querySelector('vaadin-dialog[opening]')");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/takeover-dialog.png")));
        page.locator("#takeover-confirm").click();

        // On to the registration; the record kept its name, got a B identifier, kept its old ones.
        assertThat(page.locator("#registration-title")).containsText("Müller-" + tag);
        var saved = DeskFixtures.as("manager", () -> patrons.details(former.id()), Roles.DESK_OPERATOR);
        Assertions.assertThat(saved.lastName()).isEqualTo("Müller-" + tag);
        Assertions.assertThat(saved.primaryIdentifier()).matches("B\\d{6}").doesNotStartWith("B95");
        Assertions.assertThat(saved.identifiers())
                .contains(
                        new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, former.primaryIdentifier()),
                        new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, entry.identifier()));
        assertThat(page.locator("#registration-title")).containsText(saved.primaryIdentifier());
        // One record for the person: the pre-registered one is gone.
        Assertions.assertThat(jdbc.queryForObject(
                        "select count(*) from patron where id = ?", Integer.class, entry.patronId()))
                .isZero();
        context.close();
    }

    @Test
    void onANarrowScreenTheCandidatesComeBelowTheEntry() {
        var tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("[\\d-]", "y");
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Ottilie", "Étroite-" + tag, Use.PRIVATE);
        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(800, 900));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/queue/entry/" + entry.id());
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        assertThat(page.locator("#validation-title")).containsText(entry.identifier());
        var entryColumn = page.locator("#validation-entry").boundingBox();
        var comparison = page.locator("#validation-comparison").boundingBox();
        Assertions.assertThat(comparison.y)
                .as("one column: below the entry")
                .isGreaterThanOrEqualTo(entryColumn.y + entryColumn.height - 1);
        context.close();
    }

    private static void assertInside(BoundingBox box, int width, int height) {
        Assertions.assertThat(box.x).as("left edge").isGreaterThanOrEqualTo(0);
        Assertions.assertThat(box.y).as("top edge").isGreaterThanOrEqualTo(0);
        Assertions.assertThat(box.x + box.width).as("right edge").isLessThanOrEqualTo(width);
        Assertions.assertThat(box.y + box.height).as("bottom edge").isLessThanOrEqualTo(height);
    }
}
