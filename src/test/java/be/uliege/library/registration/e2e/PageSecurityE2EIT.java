package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages work in Chromium under their Content Security Policy and Permissions Policy (R-DESK-1,
 * R-PRE-1, R-CARD-5): the public pre-registration page, the card activation page and a desk page
 * after signing in (through the login form, which must send its CSRF token) report no violation,
 * neither as a {@code securitypolicyviolation} event nor on the console; a throttled sign-in is
 * told in words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageSecurityE2EIT {

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        // A first page takes seconds on a busy machine: more than the assertions' default 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        chromium = Chromium.launch();
        browser = chromium.browser;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Every policy violation of the page and every console line about a policy, gathered as they come. */
    private static final String WATCH_VIOLATIONS = """
            window.__policyViolations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__policyViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """;

    private Page openInFrench(List<String> console) {
        var context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-BE"));
        context.setDefaultTimeout(30_000);
        context.addInitScript(WATCH_VIOLATIONS);
        var page = context.newPage();
        page.onConsoleMessage(message -> {
            var text = message.text();
            if (text.contains("Content Security Policy")
                    || text.contains("Content-Security-Policy")
                    || text.contains("Permissions-Policy")
                    || text.contains("Permissions policy")) {
                console.add(text);
            }
        });
        return page;
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(Page page) {
        return (List<String>) page.evaluate("() => window.__policyViolations");
    }

    @Test
    void publicPagesAndADeskPageRunUnderTheirPolicies() {
        var console = new CopyOnWriteArrayList<String>();
        var page = openInFrench(console);

        page.navigate("http://localhost:" + port + "/inscription");
        assertThat(page.locator("h1")).hasText("Préinscription aux bibliothèques de l’ULiège");
        page.locator("#field-firstName input").fill("Chloé"); // a round trip to the server
        page.locator("#field-firstName input").press("Tab");
        assertThat(violations(page)).as("/inscription").isEmpty();

        page.navigate("http://localhost:" + port + "/carte");
        assertThat(page.locator("#card-identifier")).isVisible();
        page.locator("#card-activate").click();
        assertThat(violations(page)).as("/carte").isEmpty();

        page.navigate("http://localhost:" + port + "/queue");
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        assertThat(page.locator("#queue-search")).isVisible();
        assertThat(violations(page)).as("/queue").isEmpty();

        assertThat(console).isEmpty();
        page.context().close();
    }

    @Test
    void aThrottledSignInIsToldWhenToTryAgain() {
        var console = new CopyOnWriteArrayList<String>();
        var page = openInFrench(console);
        var retry = Instant.now().plusSeconds(64).getEpochSecond();
        page.navigate("http://localhost:" + port + "/login?error&retry=" + retry);
        assertThat(page.getByText("Trop de tentatives").first()).isVisible();
        assertThat(page.getByText("Réessayez à partir de")).isVisible();
        assertThat(violations(page)).isEmpty();
        assertThat(console).isEmpty();
        page.context().close();
    }
}
