package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.desk.RegistrationStep;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R-DESK-7 in Chromium, as the desk does it: an expired B patron (private use) whose directory
 * account was disabled at expiry comes back. The operator opens the patron's registration screen,
 * sees the renewal (not the first registration: no card fee), checks the contact items with the
 * patron, records the identity document and renews; the new password binds, the old one does not,
 * and one renewal mail arrives. The clicks are counted: the renewal takes one screen and four clicks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RenewalE2EIT {

    static final Duration AFTER_COMMIT = Duration.ofSeconds(20);

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    PatronService patrons;

    @Autowired
    RegistrationStep step;

    @Autowired
    PatronAccounts accounts;

    @Autowired
    Fees fees;

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
    @DisplayName("R-DESK-7: an expired private B is renewed at the desk in one screen and four clicks, free")
    void anExpiredPatronIsRenewedAtTheDesk() {
        // Registered a year ago, expired yesterday; the nightly run disabled the directory account.
        long id = DeskFixtures.as(
                "operator",
                () -> {
                    var patronId = DeskFixtures.readyForRegistration(
                            registrations, jdbc, validation, patrons, fees, "Amadou", "Diallo-Prolongation");
                    step.register(patronId, patrons.details(patronId).version(), "ALP");
                    return patronId;
                },
                Roles.DESK_OPERATOR);
        DeskFixtures.await("the account", AFTER_COMMIT, () -> DeskFixtures.accountIs(accounts, id, true));
        var identifier = jdbc.queryForObject("select primary_identifier from patron where id = ?", String.class, id);
        var email = jdbc.queryForObject(
                "select item_value from contact_item where patron_id = ? and kind = 'EMAIL'", String.class, id);
        var yesterday = Date.valueOf(LibraryDay.today().minusDays(1));
        jdbc.update("update patron set expiration_date = ? where id = ?", yesterday, id);
        jdbc.update("update directory_account set expires_on = ? where patron_id = ?", yesterday, id);
        SystemPrincipal.call(accounts::disableExpired);
        DeskFixtures.await("the account disabled", AFTER_COMMIT, () -> DeskFixtures.accountIs(accounts, id, false));
        long feesBefore = jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, id);

        var context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-BE"));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/registration/" + id);
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        int clicks = 0;
        assertThat(page.locator("#renewal")).isVisible();
        assertThat(page.locator("#fees-charge")).hasCount(0);
        assertThat(page.locator("#renewal-fee-none")).containsText("gratuite");
        assertThat(page.locator("#renewal-contacts")).containsText("Rue de la Cathédrale 12");
        assertThat(page.locator("#renewal-contacts")).containsText(email);
        page.locator("#identity-document vaadin-select-value-button").click();
        clicks++;
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("Passeport"))
                .click();
        clicks++;
        page.locator("#renewal-run").click();
        clicks++;
        var password = page.locator("#slip-password")
                .textContent()
                .replaceAll("^.*:\\s+", "")
                .strip();
        Assertions.assertThat(password).hasSize(12);
        page.locator("#slip-done").click();
        clicks++;
        assertThat(page.locator("#registration-done")).isVisible();
        assertThat(page.locator("#registration-status")).containsText("Actif");
        context.close();

        Assertions.assertThat(clicks)
                .as("clicks for a renewal, after opening the patron's screen")
                .isEqualTo(4);
        DeskFixtures.await("the account enabled again", AFTER_COMMIT, () -> DeskFixtures.accountIs(accounts, id, true));
        Assertions.assertThat(DeskFixtures.binds(identifier, password)).isTrue();
        Assertions.assertThat(
                        jdbc.queryForObject("select expiration_date from patron where id = ?", LocalDate.class, id))
                .isEqualTo(LibraryDay.today().plusYears(1));
        Assertions.assertThat(jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, id))
                .as("no card fee, no fee")
                .isEqualTo(feesBefore);
        DeskFixtures.await(
                "the renewal mail",
                AFTER_COMMIT,
                () -> DeskFixtures.mailsTo(email, "prolongée").size() == 1);
        Assertions.assertThat(DeskFixtures.mailsTo(email, "Bienvenue").size())
                .as("the welcome mail, once, a year ago")
                .isEqualTo(1);
    }
}
