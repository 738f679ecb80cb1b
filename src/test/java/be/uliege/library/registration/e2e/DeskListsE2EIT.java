package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.uliege.library.registration.desk.ListFixtures;
import be.uliege.library.registration.patron.PatronLists;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.security.Roles;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15 in Chromium: an operator opens the desk's lists from the menu, sees each list's count
 * in its tab, and opens a patron expiring this month from the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskListsE2EIT {

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronLists lists;

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
    void anOperatorOpensTheListsFromTheMenu_andAPatronFromTheList() {
        var today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        var patron = ListFixtures.patron(
                patrons,
                jdbc,
                "Aaa-Chrome-" + ListFixtures.tag(),
                PatronStatus.ACTIVE,
                today,
                today.withDayOfMonth(1),
                today.with(TemporalAdjusters.lastDayOfMonth()).plusYears(1),
                true);
        long expiring = be.uliege.library.registration.desk.DeskFixtures.as(
                "operator", () -> lists.expiringThisMonth(0).total(), Roles.DESK_OPERATOR);

        var context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-BE"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/");
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Listes du guichet"))
                .click();
        assertThat(page.locator("h1")).hasText("Listes du guichet");
        assertThat(page.locator("#lists-expiring-tab")).hasText("Expirent ce mois-ci (" + expiring + ")");
        assertThat(page.locator("#lists-directory-tab")).containsText("Annuaire en attente (");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(patron.primaryIdentifier()))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/patrons/" + patron.id() + "$"));
        assertThat(page.locator("#patron-title")).isVisible();
        context.close();
    }
}
