package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End to end in Chromium, as a desk operator would: sign in with the demo directory account,
 * search a patron with a misspelt accent, open the record (R-DESK-1, R-ID-6). Uses Debian's
 * Chromium (installed by .ci/run); Playwright downloads nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskSearchE2EIT {

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

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

    /** A fresh browser context (no cookies) in French, as a Belgian desk's browser. */
    private Page openInFrench(String path) {
        var context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-BE"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + path);
        return page;
    }

    @Test
    void anOperatorSignsIn_findsAPatronByAMisspeltAccent_andOpensTheRecord() {
        var page = openInFrench("/patrons/1");

        // Not signed in: the desk shows the login page instead of the record.
        assertThat(page.getByLabel("Identifiant")).isVisible();
        assertThat(page.locator("#patron-title")).hasCount(0);
        Chromium.signIn(page, "operator", "demo-operator");

        // Signed in, the operator lands on the page asked for, then uses the menu to search.
        assertThat(page.locator("#patron-title")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rechercher un lecteur"))
                .click();
        page.locator("#patron-search input").waitFor();
        page.locator("#patron-search input").fill("dupre elodïe");
        page.keyboard().press("Enter");
        var row = page.locator("#search-results vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("S201234"));
        assertThat(row.first()).isVisible();
        row.first().click();

        assertThat(page.locator("#patron-title")).hasText("Élodie Dupré · S201234");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/e2e/patron-record.png"))
                .setFullPage(true));
        // The record's data is read, not typed: its fields show no box and no border.
        var look = (String) page.evaluate("() => { const f = document.querySelector('vaadin-text-field[readonly]');"
                + " const box = getComputedStyle(f.shadowRoot.querySelector('[part~=\"input-field\"]'));"
                + " const after = getComputedStyle(f.shadowRoot.querySelector('[part~=\"input-field\"]'), '::after');"
                + " return box.backgroundColor + '|' + box.borderTopStyle + '|'"
                + " + (after.display === 'none' || after.content === 'none' ? 'no outline' : after.borderTopStyle); }");
        Assertions.assertThat(look.split("\\|")[0]).as("background of " + look).isIn("rgba(0, 0, 0, 0)", "transparent");
        Assertions.assertThat(look).as("no dashed border").doesNotContain("dashed");
        page.context().close();
    }

    @Test
    void anOperatorFindsPatronsByTheBeginningOfAnIdentifier_andNarrowsThemByStatus() {
        var page = openInFrench("/");
        Chromium.signIn(page, "operator", "demo-operator");
        page.locator("#patron-search input").fill("b1000");
        page.keyboard().press("Enter");
        var cells = page.locator("#search-results vaadin-grid-cell-content");
        var active = cells.filter(new Locator.FilterOptions().setHasText("B100001"));
        var inactive = cells.filter(new Locator.FilterOptions().setHasText("B100002"));
        assertThat(active.first()).isVisible();
        assertThat(inactive.first()).isVisible();
        assertThat(page.locator("#search-summary")).containsText("par début d’identifiant");

        // The demo's B100002 is inactive, B100001 active: the status filter keeps the inactive one.
        page.locator("#search-status vaadin-select-value-button").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("Inactif"))
                .click();
        page.waitForURL("**status=INACTIVE**");
        assertThat(inactive.first()).isVisible();
        assertThat(active).hasCount(0);
        // In the address: a reload, or going back from a record, keeps the text and the filter.
        page.reload();
        assertThat(page.locator("#patron-search input")).hasValue("b1000");
        assertThat(page.locator("#search-status")).containsText("Inactif");
        assertThat(inactive.first()).isVisible();
        assertThat(active).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/search-prefix-filter.png")));
        page.context().close();
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        var page = openInFrench("/login");
        Chromium.signIn(page, "operator", "wrong");
        page.waitForURL("**/login?error");
        assertThat(page.getByText("Connexion refusée")).isVisible();
        page.context().close();
    }
}
