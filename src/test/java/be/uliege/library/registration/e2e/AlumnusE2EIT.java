package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
 * R-CNV-2 in Chromium (with R-CNV-1, R-GRP-3, R-FEE-1): a desk manager finds a former student at
 * the walk-in, chooses "former student → alumnus", is told in words that "2020&lt;script&gt;" is not
 * a year, gives 2020, confirms the one take-over dialog; the record shows "Alumni ULiège" and
 * "Alumni 2020", and the only fee asked is the 5 € card.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlumnusE2EIT {

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

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
    void aFormerStudentFoundAtTheWalkInBecomesAnAlumnus_andPaysTheCardOnly() {
        var tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("[\\d-]", "w");
        var former = SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                "S" + (700000 + Math.floorMod(tag.hashCode(), 99999)),
                new PatronDraft(
                        "Solange",
                        "Diplômée-" + tag,
                        Gender.F,
                        LocalDate.of(1997, 9, 21),
                        Language.FRE,
                        "Étudiant ULiège",
                        "Étudiant ULiège",
                        null,
                        null,
                        LibraryDay.today().minusYears(2),
                        null,
                        List.of(ContactDraft.email("s." + tag + "@student.uliege.be", ContactUsage.WORK))),
                PatronStatus.INACTIVE,
                PatronRules.Actor.LOAD));

        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(1366, 768));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/walk-in");
        page.getByLabel("Identifiant").fill("manager");
        page.getByLabel("Mot de passe").fill("demo-manager");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        page.locator("#form-firstName input").fill("Solange");
        page.locator("#form-lastName input").fill("Diplômée-" + tag);
        WalkInE2EIT.choose(page, "#form-gender", "Femme");
        page.locator("#form-birthDate input").fill("21/09/1997");
        page.locator("#form-birthDate input").press("Enter");
        page.locator("#form-jobCategory input").fill("Aucun");
        page.locator("#form-jobCategory input").press("Enter");
        page.locator("#form-email input").fill("solange." + tag + "@example.be");
        page.locator("#form-phone input").fill("0478 11 22 33");
        page.locator("#form-street input").fill("Rue Saint-Gilles 25");
        page.locator("#form-postalCode input").fill("4000");
        page.locator("#form-city input").fill("Liège");
        WalkInE2EIT.choose(page, "#identity-document", "Carte d’identité belge");
        page.locator("#walk-in-search").click();

        var candidate = page.locator("#duplicate-candidates .candidate")
                .filter(new Locator.FilterOptions().setHasText(former.primaryIdentifier()));
        assertThat(candidate).isVisible();
        candidate.locator(".take-over-alumnus").click();

        // The year: markup is refused in words, what was typed stays; then 2020.
        var year = page.locator("#alumnus-year");
        assertThat(page.getByText("Ancien étudiant " + former.primaryIdentifier() + " → alumnus"))
                .isVisible();
        year.locator("input").fill("2020<script>");
        page.locator("#alumnus-year-continue").click();
        assertThat(year).containsText("quatre chiffres");
        assertThat(year.locator("input")).hasValue("2020<script>");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/alumnus-year.png")));
        year.locator("input").fill("2020");
        page.locator("#alumnus-year-continue").click();

        assertThat(page.locator("#takeover-row-JOB_DESCRIPTION .takeover-values"))
                .containsText("Alumni 2020");
        assertThat(page.locator("#takeover-row-JOB_CATEGORY .takeover-values"))
                .hasText("Étudiant ULiège → Alumni ULiège");
        assertThat(page.locator("#takeover-confirm"))
                .hasText("Convertir " + former.primaryIdentifier() + " en alumnus");
        page.waitForFunction("() => !document.querySelector('vaadin-dialog[opening]')");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/alumnus-takeover.png")));
        page.locator("#takeover-confirm").click();

        // On to the registration: the card's 5 € only, no yearly fee.
        assertThat(page.locator("#registration-title")).containsText("Diplômée-" + tag);
        assertThat(page.locator("#fees-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Patron Registration Fee")))
                .hasCount(1);
        assertThat(page.locator("#fees-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Professional")))
                .hasCount(0);
        assertThat(page.locator("#fees-pay")).hasText(Pattern.compile("Encaisser 5,00\\s€ en espèces"));
        var fees = jdbc.queryForList("select amount from fee where patron_id = ?", BigDecimal.class, former.id());
        Assertions.assertThat(fees)
                .singleElement()
                .satisfies(a -> Assertions.assertThat(a).isEqualByComparingTo("5.00"));

        // The record shows what it became.
        page.navigate("http://localhost:" + port + "/patrons/" + former.id());
        assertThat(page.locator("#patron-title")).containsText("Diplômée-" + tag);
        var values = page.evaluate(
                "() => Array.from(document.querySelectorAll('#patron-identity vaadin-text-field')).map(f => f.value)");
        Assertions.assertThat(((List<?>) values).stream().map(String::valueOf).toList())
                .contains("Alumni ULiège", "Alumni 2020", "Extérieur");
        context.close();
    }
}
