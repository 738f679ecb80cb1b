package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
 * R-DESK-8 in Chromium: a patron who forgot the password comes to the desk. The operator opens the
 * registration screen, asks for a new password, records the identity document; the slip shows it
 * once; it binds, the old one no longer does; no fee, the same expiration, no mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewPasswordE2EIT {

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
    @DisplayName("R-DESK-8: a new password at the desk, after the identity document, shown once")
    void aNewPasswordAtTheDesk() {
        var old = new String[1];
        long id = DeskFixtures.as(
                "operator",
                () -> {
                    var patronId = DeskFixtures.readyForRegistration(
                            registrations, jdbc, validation, patrons, fees, "Yusuf", "Demir-Oubli");
                    old[0] = step.register(patronId, patrons.details(patronId).version(), "ALP")
                            .account()
                            .password();
                    return patronId;
                },
                Roles.DESK_OPERATOR);
        DeskFixtures.await("the account", AFTER_COMMIT, () -> DeskFixtures.accountIs(accounts, id, true));
        var identifier = jdbc.queryForObject("select primary_identifier from patron where id = ?", String.class, id);
        var email = jdbc.queryForObject(
                "select item_value from contact_item where patron_id = ? and kind = 'EMAIL'", String.class, id);
        var expiration = jdbc.queryForObject("select expiration_date from patron where id = ?", LocalDate.class, id);
        long feesBefore = jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, id);
        Assertions.assertThat(DeskFixtures.binds(identifier, old[0])).isTrue();

        var context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-BE"));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/registration/" + id);
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        page.locator("#password-new").click();
        assertThat(page.locator("#password-new-explain")).containsText("Pas de frais");
        // This directory keeps no password policy: the option is there, disabled, with the reason.
        assertThat(page.locator("#password-new-must-change")).hasAttribute("disabled", "");
        page.locator("#password-new-issue").click();
        assertThat(page.locator("#identity-document")).hasAttribute("invalid", "");
        assertThat(page.locator("#slip-password")).hasCount(0);
        page.locator("#identity-document vaadin-select-value-button").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("Carte d’identité belge"))
                .click();
        page.locator("#password-new-issue").click();
        var password = page.locator("#slip-password")
                .textContent()
                .replaceAll("^.*:\\s+", "")
                .strip();
        Assertions.assertThat(password).hasSize(12).isNotEqualTo(old[0]);
        page.locator("#slip-done").click();
        assertThat(page.locator("#slip-password")).hasCount(0);
        context.close();

        DeskFixtures.await(
                "the new password in the directory", AFTER_COMMIT, () -> DeskFixtures.binds(identifier, password));
        Assertions.assertThat(DeskFixtures.binds(identifier, old[0]))
                .as("the old password")
                .isFalse();
        Assertions.assertThat(
                        jdbc.queryForObject("select expiration_date from patron where id = ?", LocalDate.class, id))
                .isEqualTo(expiration);
        Assertions.assertThat(jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, id))
                .isEqualTo(feesBefore);
        Assertions.assertThat(DeskFixtures.mailsTo(email, "Bienvenue").size())
                .as("no second welcome mail")
                .isLessThanOrEqualTo(1);
    }
}
