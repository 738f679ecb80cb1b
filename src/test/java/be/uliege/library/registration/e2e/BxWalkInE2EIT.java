package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
 * R-CNV-4 in Chromium: a desk manager registers a BX walk-in — no fee, no registration step — and
 * the patron screen says at the top that this patron has no login (no directory account, no
 * password, no card); a plain desk operator is not offered the BX group at all. The forged request
 * is refused by the service (DeskValidationIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BxWalkInE2EIT {

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

    Page signedIn(BrowserContext context, String uid, String password) {
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/walk-in");
        page.getByLabel("Identifiant").fill(uid);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        assertThat(page.locator("#walk-in-search")).isVisible();
        return page;
    }

    static BrowserContext desk() {
        return browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(1366, 768));
    }

    @Test
    void aManagerRegistersABxWalkIn_andThePatronScreenSaysItHasNoLogin() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("[\\d-]", "x");
        var context = desk();
        var page = signedIn(context, "manager", "demo-manager");

        page.locator("#form-firstName input").fill("Laurence");
        page.locator("#form-lastName input").fill("Juriste-" + tag);
        WalkInE2EIT.choose(page, "#form-gender", "Femme");
        page.locator("#form-birthDate input").fill("08/04/1979");
        page.locator("#form-birthDate input").press("Enter");
        page.locator("#form-userGroup input").fill("Usager BX - PIB");
        page.locator("#form-userGroup input").press("Enter");
        page.locator("#form-jobCategory input").fill("SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE");
        page.locator("#form-jobCategory input").press("Enter");
        page.locator("#form-jobDescription input").fill("Cabinet Lambert & associés");
        page.locator("#form-email input").fill("bx." + tag + "@example.be");
        page.locator("#form-phone input").fill("04 221 00 11");
        page.locator("#form-street input").fill("Boulevard Piercot 44");
        page.locator("#form-postalCode input").fill("4000");
        page.locator("#form-city input").fill("Liège");
        WalkInE2EIT.choose(page, "#identity-document", "Carte d’identité belge");
        page.locator("#walk-in-search").click();
        assertThat(page.locator("#walk-in-search-state")).not().isEmpty();
        page.locator("#walk-in-create").click();

        // No fee, no registration step: the registration screen says why.
        assertThat(page.locator("#registration-title")).containsText("Juriste-" + tag);
        assertThat(page.locator("#bx-no-login")).isVisible();
        assertThat(page.locator("#fees-pay")).hasCount(0);
        assertThat(page.locator("#registration-run")).hasCount(0);
        var patron =
                jdbc.queryForMap("select id, primary_identifier from patron where last_name = ?", "Juriste-" + tag);
        Assertions.assertThat((String) patron.get("primary_identifier")).matches("BX\\d{6}");
        Assertions.assertThat(jdbc.queryForObject(
                        "select count(*) from fee where patron_id = ?", Integer.class, patron.get("id")))
                .isZero();

        // The patron screen: no login, said at the top; no card to make.
        page.navigate("http://localhost:" + port + "/patrons/" + patron.get("id"));
        assertThat(page.locator("#patron-title")).containsText((String) patron.get("primary_identifier"));
        assertThat(page.locator("#patron-no-login")).isVisible();
        assertThat(page.locator("#patron-no-login"))
                .hasText("Sans connexion (BX) : ni compte dans l’annuaire, ni mot de passe, ni carte");
        assertThat(page.locator("#patron-card")).hasCount(0);
        assertThat(page.locator("#patron-registration")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/bx-patron.png")));
        context.close();
    }

    @Test
    void aDeskOperatorIsNotOfferedTheBxGroup() {
        var context = desk();
        var page = signedIn(context, "operator", "demo-operator");
        page.locator("#form-userGroup [part~='toggle-button']").click();
        var items = page.locator("vaadin-combo-box-item");
        assertThat(items.filter(new Locator.FilterOptions().setHasText("Extérieur")))
                .hasCount(1);
        assertThat(items.filter(new Locator.FilterOptions().setHasText("Usager BX")))
                .hasCount(0);
        context.close();
    }
}
