package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronNotFoundException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.security.Roles;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

/**
 * R-DESK-9 in Chromium: a desk manager opens a record, picks the other record of the same person
 * by its identifier (a hostile text is refused in words, shown as text), takes one value from it,
 * reads in the one confirmation which identifier survives and what happens to the directory
 * account, and lands on the survivor's record, which shows the absorbed identifier as a former one.
 * A plain desk operator sees no merge action and cannot open the merge screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MergeE2EIT {

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PatronService patrons;

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

    PatronDetails walkIn(String last) {
        var draft = new PatronDraft(
                "Inès",
                last,
                Gender.F,
                LocalDate.of(1988, 9, 30),
                Language.FRE,
                "Extérieur",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(
                        ContactDraft.email(
                                "fusion" + UUID.randomUUID().toString().substring(0, 8) + "@example.be",
                                ContactUsage.PERSONAL),
                        ContactDraft.phone("0475 12 34 56", ContactUsage.MOBILE),
                        ContactDraft.address("Rue de la Cathédrale 12 bte 3", "4000", "Liège", "BE")));
        return DeskFixtures.as("operator", () -> patrons.registerAtDesk(PatronKind.B, draft), Roles.DESK_OPERATOR);
    }

    Page signIn(BrowserContext context, String path, String uid, String password) {
        var page = context.newPage();
        page.navigate("http://localhost:" + port + path);
        page.getByLabel("Identifiant").fill(uid);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        return page;
    }

    @Test
    void rDesk9_aManagerMergesTwoRecords_anOperatorCannot() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("[\\d-]", "k");
        var kept = walkIn("Fusionnée-" + tag);
        var gone = walkIn("Fusionnee-" + tag);

        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(1366, 768));
        context.setDefaultTimeout(30_000);
        var page = signIn(context, "/patrons/" + kept.id(), "manager", "demo-manager");
        assertThat(page.locator("#patron-title")).containsText(kept.primaryIdentifier());
        page.locator("#patron-merge").click();
        assertThat(page.locator("#merge-title")).containsText(kept.primaryIdentifier());

        // A hostile identifier: refused in words, shown as text, nothing compared.
        var other = page.locator("#merge-other input");
        other.fill("<img src=x onerror=alert(1)>");
        page.locator("#merge-compare").click();
        assertThat(page.locator("#merge-other")).hasAttribute("invalid", "");
        assertThat(page.locator("#merge-other"))
                .containsText("Aucune fiche n’a l’identifiant « <img src=x onerror=alert(1)> »");
        Assertions.assertThat(page.locator("#merge-other img").count()).isZero();
        assertThat(page.locator("#merge-table")).hasCount(0);

        // The other record by its identifier, typed in lower case.
        other.fill(gone.primaryIdentifier().toLowerCase());
        page.locator("#merge-compare").click();
        assertThat(page.locator("#merge-table")).containsText(gone.primaryIdentifier());
        var lastName = page.locator("#merge-row-LAST_NAME");
        assertThat(lastName).containsText("Fusionnée-" + tag);
        assertThat(lastName).containsText("Fusionnee-" + tag);
        page.locator("#merge-choice-LAST_NAME vaadin-radio-button")
                .filter(new Locator.FilterOptions().setHasText(gone.primaryIdentifier()))
                .click();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/merge-comparison.png")));
        page.locator("#merge-start").click();

        var consequences = page.locator("#merge-consequences");
        assertThat(consequences)
                .containsText(kept.primaryIdentifier() + " reste l’identifiant principal ; " + gone.primaryIdentifier()
                        + " devient un ancien identifiant");
        assertThat(consequences).containsText("La fiche " + gone.primaryIdentifier() + " n’a pas de compte d’annuaire");
        assertThat(consequences).containsText("Valeurs reprises de " + gone.primaryIdentifier() + " : Nom");
        assertThat(page.locator("#merge-confirm"))
                .hasText("Fusionner " + gone.primaryIdentifier() + " dans " + kept.primaryIdentifier());
        assertThat(page.locator("#merge-confirm")).isVisible();
        page.waitForFunction("() => !document.querySelector('vaadin-dialog-overlay[opening]')");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/merge-confirm.png")));
        page.locator("#merge-confirm").click();

        page.waitForURL(Pattern.compile(".*/patrons/" + kept.id() + "$"));
        assertThat(page.locator("#patron-title")).containsText("Fusionnee-" + tag + " · " + kept.primaryIdentifier());
        assertThat(page.locator("body")).containsText(gone.primaryIdentifier());
        var merged = DeskFixtures.as("operator", () -> patrons.details(kept.id()), Roles.DESK_OPERATOR);
        Assertions.assertThat(merged.identifiers())
                .contains(new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, gone.primaryIdentifier()));
        Assertions.assertThatThrownBy(
                        () -> DeskFixtures.as("operator", () -> patrons.details(gone.id()), Roles.DESK_OPERATOR))
                .isInstanceOf(PatronNotFoundException.class);
        context.close();

        // A plain desk operator: no merge action, and the screen does not open.
        var operatorContext = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(1366, 768));
        operatorContext.setDefaultTimeout(30_000);
        var operatorPage = signIn(operatorContext, "/patrons/" + kept.id(), "operator", "demo-operator");
        assertThat(operatorPage.locator("#patron-title")).containsText(kept.primaryIdentifier());
        assertThat(operatorPage.locator("#patron-merge")).hasCount(0);
        operatorPage.navigate("http://localhost:" + port + "/patrons/merge/" + kept.id());
        operatorPage.waitForLoadState();
        assertThat(operatorPage.locator("#merge-other")).hasCount(0);
        assertThat(operatorPage.locator("#merge-title")).hasCount(0);
        operatorContext.close();
    }
}
