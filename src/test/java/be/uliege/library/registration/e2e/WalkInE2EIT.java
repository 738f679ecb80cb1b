package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
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
 * A walk-in at the desk in Chromium (R-DESK-5), as an operator does it with a person who has no
 * e-mail address (R-CON-3): "no e-mail" puts the printer of the desk's site, marked as such.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalkInE2EIT {

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

    @Test
    void aPersonWithoutEmailIsRegisteredWithTheSitePrinterAddress() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("[\\d-]", "q");
        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(1366, 768));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/walk-in");
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        page.locator("#form-firstName input").fill("Germaine");
        page.locator("#form-lastName input").fill("Sans-Courriel-" + tag);
        choose(page, "#form-gender", "Femme");
        page.locator("#form-birthDate input").fill("14/07/1948");
        page.locator("#form-birthDate input").press("Enter");
        page.locator("#form-jobCategory input").fill("retraité");
        page.locator("#form-jobCategory input").press("Enter");
        page.locator("#form-phone input").fill("04 223 45 67");
        page.locator("#form-street input").fill("Rue Saint-Gilles 25");
        page.locator("#form-postalCode input").fill("4000");
        page.locator("#form-city input").fill("Liège");
        choose(page, "#identity-document", "Carte d’identité belge");

        // R-CON-4: an address abroad is accepted, with a warning the operator sees at once.
        page.locator("#form-country input").fill("FR");
        page.locator("#form-country input").press("Tab");
        assertThat(page.locator("#form-country")).containsText("Adresse à l’étranger");
        page.locator("#form-country input").fill("BE");
        page.locator("#form-country input").press("Tab");
        assertThat(page.locator("#form-country")).not().containsText("Adresse à l’étranger");

        // No e-mail: the e-mail field steps aside, the site's printer is proposed and can be changed.
        page.locator("#form-email input").fill("typed.before@example.be");
        page.locator("#form-no-email").click();
        assertThat(page.locator("#form-email input")).isDisabled();
        assertThat(page.locator("#form-printer")).isVisible();
        choose(page, "#form-printer", "prtBSA1@uliege.be");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/e2e/walk-in-no-email.png"))
                .setFullPage(true));

        page.locator("#walk-in-search").click();
        assertThat(page.locator("#walk-in-search-state")).not().isEmpty();
        page.locator("#walk-in-create").click();
        assertThat(page.locator("#registration-title")).containsText("Sans-Courriel-" + tag);

        var email = jdbc.queryForMap(
                "select c.usage_type, c.item_value from contact_item c join patron p on p.id = "
                        + "c.patron_id where p.last_name = ? and c.kind = 'EMAIL'",
                "Sans-Courriel-" + tag);
        Assertions.assertThat(email.get("item_value")).isEqualTo("prtBSA1@uliege.be");
        Assertions.assertThat(email.get("usage_type")).isEqualTo("PRINTER");
        context.close();
    }

    /** Picks an item of a Vaadin select by a part of its text. */
    static void choose(Page page, String select, String text) {
        page.locator(select + " vaadin-select-value-button").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText(text))
                .first()
                .click();
    }
}
