package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * WCAG 2.1 AA on the public pages: axe-core (installed from the npm registry into
 * {@code target/axe} on first use) runs in Chromium on each page and its errors, and no serious or
 * critical violation is allowed; the form can be completed with the keyboard alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityE2EIT {

    static final String AXE_VERSION = "4.10.3";
    static final Path AXE = Path.of("target/axe/node_modules/axe-core/axe.min.js");

    static Chromium chromium;
    static Browser browser;
    static String axeSource;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() throws Exception {
        if (!Files.exists(AXE)) {
            var npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            "target/axe",
                            "--no-audit",
                            "--no-fund",
                            "--no-save",
                            "axe-core@" + AXE_VERSION)
                    // never the test JVM's own streams: they carry the build's channel to this forked JVM
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/axe-npm.log")))
                    .start();
            assertThat(npm.waitFor(180, TimeUnit.SECONDS))
                    .as("npm install axe-core")
                    .isTrue();
            assertThat(npm.exitValue()).as("npm install axe-core").isZero();
        }
        axeSource = Files.readString(AXE);
        chromium = Chromium.launch();
        browser = chromium.browser;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    Page open(String path, String locale) {
        var context = browser.newContext(new Browser.NewContextOptions().setLocale(locale));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + path);
        page.locator("h1").waitFor();
        return page;
    }

    /**
     * The serious and critical violations axe-core finds on the page as it is now. Vaadin's
     * development tools (present only in development mode, never in production) are left out.
     */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        page.evaluate(axeSource);
        var result = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run({exclude: [['copilot-main'], ['vaadin-dev-tools']]}, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(' | ')}))""");
        var out = new ArrayList<String>();
        for (var v : result) {
            out.add(v.get("impact") + " " + v.get("id") + ": " + v.get("nodes"));
        }
        return out;
    }

    @Test
    void thePublicPagesHaveNoSeriousOrCriticalViolation_inEveryLanguage_andWithErrorsShown() {
        for (var locale : List.of("fr-BE", "en-GB", "nl-BE", "de-DE")) {
            var page = open("/inscription", locale);
            assertThat(seriousViolations(page)).as("/inscription " + locale).isEmpty();
            page.context().close();
        }
        // With every field's error shown.
        var page = open("/inscription", "fr-BE");
        page.locator("#submit").click();
        assertThat(page.locator("#feedback")).containsText("à corriger");
        assertThat(seriousViolations(page)).as("/inscription with errors").isEmpty();
        page.context().close();

        var confirmation = open("/inscription/confirmation?token=unknown", "fr-BE");
        assertThat(seriousViolations(confirmation)).as("confirmation").isEmpty();
        confirmation.locator("#confirm-email").click();
        assertThat(confirmation.locator("#confirmation-result")).isVisible();
        assertThat(seriousViolations(confirmation)).as("confirmation result").isEmpty();
        confirmation.context().close();
    }

    @Test
    void errorMessagesAreLinkedToTheirFields_andTheFirstFieldToFixGetsTheFocus() {
        var page = open("/inscription", "fr-BE");
        page.locator("#submit").click();
        assertThat(page.locator("#feedback")).containsText("à corriger");
        // The first invalid field has the focus, and its input is described by its error message.
        assertThat(page.locator("#field-firstName input")).isFocused();
        var described = page.locator("#field-firstName input").getAttribute("aria-describedby");
        assertThat(described).isNotBlank();
        var errorId = page.locator("#field-firstName [slot='error-message']").getAttribute("id");
        assertThat(described).contains(errorId);
        assertThat(page.locator("#field-firstName input")).hasAttribute("aria-invalid", "true");
        page.context().close();
    }

    @Test
    void theFormCanBeCompletedWithTheKeyboardAlone() {
        var page = open("/inscription", "en-GB");
        var keys = page.keyboard();
        // Each step waits until the page shows what the keys did, as a person would look.
        page.locator("#field-firstName input").focus();
        keys.type("Keyboard");
        keys.press("Tab");
        keys.type("Only-User");
        keys.press("Tab");
        keys.type("12/04/1990");
        keys.press("Enter");
        assertThat(page.locator("#field-birthDate input")).hasValue("12/04/1990");
        assertThat(page.locator("#field-birthDate[opened]")).hasCount(0);
        // The calendar closed, the focus is back in the date field: Tab goes on to the next field.
        assertThat(page.locator("#field-birthDate input")).isFocused();
        page.waitForCondition(() -> page.locator("vaadin-date-picker-overlay")
                .evaluateAll("os => os.every(o => !o.opened && !o.hasAttribute('closing'))")
                .equals(Boolean.TRUE));
        keys.press("Tab");
        keys.press("ArrowDown"); // gender: from Female to Male
        assertThat(page.locator("#field-gender vaadin-radio-button[checked]")).containsText("Male");
        keys.press("Tab");
        keys.press("Space"); // language: French
        assertThat(page.locator("#field-preferredLanguage vaadin-radio-button[checked]"))
                .containsText("French");
        keys.press("Tab");
        keys.type("keyboard." + System.nanoTime() + "@example.be");
        keys.press("Tab");
        keys.type("0475 12 34 56");
        keys.press("Tab");
        keys.type("Rue Saint-Gilles 150");
        keys.press("Tab");
        keys.type("4000");
        keys.press("Tab");
        keys.type("Liège");
        keys.press("Tab");
        assertThat(page.locator("#field-address-city input")).hasValue("Liège");
        keys.press("Tab"); // country: Belgium already
        keys.type("Aucun");
        keys.press("Enter");
        assertThat(page.locator("#field-jobCategory input")).hasValue("Aucun");
        keys.press("Tab");
        keys.press("Tab"); // job description: not needed for "Aucun"
        keys.press("Space"); // use: private
        assertThat(page.locator("#fees")).containsText("5 €");
        keys.press("Tab");
        keys.press("Tab"); // the privacy notice's summary
        keys.press("Space"); // accept
        assertThat(page.locator("#field-privacyNoticeAccepted")).hasAttribute("checked", "");
        keys.press("Tab");
        keys.press("Enter"); // send
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/e2e/keyboard-only.png"))
                .setFullPage(true));
        assertThat(page.locator("#submitted")).containsText("Pre-registration stored");
        page.context().close();
    }
}
