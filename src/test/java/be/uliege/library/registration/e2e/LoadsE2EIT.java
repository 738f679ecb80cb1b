package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.uliege.library.registration.load.AlmaXml;
import be.uliege.library.registration.load.LoadSettings;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The loads screen in Chromium, as a new user administrator uses it (R-DESK-1, R-SIS-1, R-SIS-5):
 * a desk operator has no "Chargements" in the menu and is refused {@code /loads}; an administrator
 * finds the screen in the menu, chooses a file waiting in the load folder, clicks "run now" and sees
 * the run completed in the history with its counts — the people created, the file filed away —;
 * a row the patron rules reject (an e-mail address without {@code @}) is listed in the run's report
 * with its primary id and the reason in words, and the report can be downloaded as CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadsE2EIT {

    /** How long a run of a small file may take on a busy machine, another load before it included. */
    private static final Duration RUN = Duration.ofMinutes(3);

    /** A message key shown instead of its text: {@code load.reason.x}, {@code rule.email.format}. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("\\b(load|loads|rule)\\.[a-z-]+(\\.[a-z-]+)*\\b");

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    LoadSettings settings;

    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void aDeskOperatorIsRefusedTheLoadsScreen() {
        var page = openInFrench("/");
        Chromium.signIn(page, "operator", "demo-operator");
        assertThat(page.locator("#patron-search")).isVisible();
        // R-DESK-1: the menu offers only what the operator may open.
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rechercher un lecteur")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chargements")))
                .hasCount(0);

        // Typed in the address bar: refused, nothing of the screen shown.
        page.navigate("http://localhost:" + port + "/loads");
        assertThat(page.locator("#page-not-available")).hasText("Cette page n’est pas disponible");
        assertThat(page.locator("#loads-run-now")).hasCount(0);
        assertThat(page.locator("#loads-history")).hasCount(0);
        assertThat(page.getByText("Chargement de nuit")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/loads-refused.png")));
        page.context().close();
    }

    @Test
    void anAdministratorLoadsAWaitingFile_andSeesTheRunCompletedWithItsCounts() throws IOException {
        var tag = tag();
        var first = freeIdentifier("S");
        var second = freeIdentifier("S");
        var name = "e2e-" + tag + ".xml";
        var file = drop(
                name,
                AlmaXml.file()
                        .user(
                                first,
                                "S",
                                freeKey(),
                                "Chiara",
                                "Chargée-" + tag,
                                first.toLowerCase() + "@student.uliege.be",
                                "0475 12 34 56")
                        .user(
                                second,
                                "S",
                                freeKey(),
                                "Jan",
                                "Chargé-" + tag,
                                second.toLowerCase() + "@student.uliege.be",
                                "0475 65 43 21")
                        .xml());
        try {
            var page = openLoadsAsAdministrator();
            var run = runNow(page, name);

            Assertions.assertThat(run.get("État")).as("status of %s", run).isEqualTo("terminé");
            Assertions.assertThat(run.get("Mode")).isEqualTo("synchronisation");
            Assertions.assertThat(run.get("Lues")).isEqualTo("2");
            Assertions.assertThat(run.get("Créées")).isEqualTo("2");
            Assertions.assertThat(run.get("Rejetées")).isEqualTo("0");
            Assertions.assertThat(run.get("Doublons")).isEqualTo("0");
            Assertions.assertThat(run.get("Durée")).as("duration of %s", run).isNotBlank();
            Assertions.assertThat(jdbc.queryForObject(
                            "select count(*) from patron where primary_identifier in (?, ?)",
                            Long.class,
                            first,
                            second))
                    .isEqualTo(2);
            Assertions.assertThat(jdbc.queryForObject(
                            "select started_by from load_run where file_name = ?", String.class, name))
                    .as("started from the screen, by the administrator signed in")
                    .isEqualTo("admin");
            Assertions.assertThat(file).as("a real run files the file away").doesNotExist();

            // The run selected: its report, with nothing to report and so nothing to download.
            select(page, name);
            assertThat(page.locator("#loads-report-panel")).isVisible();
            assertThat(page.locator("#loads-report-title")).containsText(name);
            Assertions.assertThat(rows(page, "#loads-report")).isEmpty();
            assertThat(page.locator("#loads-csv")).isHidden();
            assertThat(page.locator("#loads-resume")).isHidden();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/e2e/loads-completed.png"))
                    .setFullPage(true));
            page.context().close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRejectedRowIsReportedWithItsIdentifierAndTheReasonInWords() throws IOException {
        var tag = tag();
        var kept = freeIdentifier("S");
        var rejected = freeIdentifier("S");
        var name = "e2e-" + tag + ".xml";
        var file = drop(
                name,
                AlmaXml.file()
                        .user(
                                kept,
                                "S",
                                freeKey(),
                                "Olena",
                                "Gardée-" + tag,
                                kept.toLowerCase() + "@student.uliege.be",
                                "0475 12 34 56")
                        .user(rejected, "S", freeKey(), "Ahmed", "Rejeté-" + tag, "pas-une-adresse", "0475 12 34 56")
                        .xml());
        try {
            var page = openLoadsAsAdministrator();
            var run = runNow(page, name);

            Assertions.assertThat(run.get("État")).as("status of %s", run).isEqualTo("terminé");
            Assertions.assertThat(run.get("Lues")).isEqualTo("2");
            Assertions.assertThat(run.get("Créées")).isEqualTo("1");
            Assertions.assertThat(run.get("Rejetées")).isEqualTo("1");
            Assertions.assertThat(jdbc.queryForObject(
                            "select count(*) from patron where primary_identifier = ?", Long.class, rejected))
                    .as("the rejected row changed nothing")
                    .isZero();

            select(page, name);
            assertThat(page.locator("#loads-report-panel")).isVisible();
            assertThat(page.locator("#loads-report-title")).containsText(name);
            var line = eventually(
                    () -> rows(page, "#loads-report").stream()
                            .filter(r -> rejected.equals(r.get("identifiant")))
                            .findFirst()
                            .orElse(null),
                    Duration.ofSeconds(30),
                    "the report line of " + rejected);
            Assertions.assertThat(line.get("issue")).isEqualTo("rejetée");
            Assertions.assertThat(line.get("Position"))
                    .as("position of %s", line)
                    .contains(name);
            Assertions.assertThat(line.get("raison"))
                    .as("the reason in words")
                    .contains("Adresse e-mail incorrecte")
                    .doesNotContainPattern(MESSAGE_KEY);
            Assertions.assertThat(rows(page, "#loads-report"))
                    .as("the report names only the rejected row")
                    .extracting(r -> r.get("identifiant"))
                    .containsExactly(rejected);

            // The report as CSV: a link to download, not downloaded here.
            assertThat(page.locator("#loads-csv")).isVisible();
            assertThat(page.locator("#loads-csv")).hasText("Télécharger les lignes signalées (CSV)");
            assertThat(page.locator("#loads-csv")).hasAttribute("href", Pattern.compile(".+"));
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/e2e/loads-report.png"))
                    .setFullPage(true));
            page.context().close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Page openInFrench(String path) {
        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-BE").setViewportSize(1366, 768));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + path);
        return page;
    }

    /** Signs in as the demo administrator and opens the screen from the menu, as a newcomer finds it. */
    private Page openLoadsAsAdministrator() {
        var page = openInFrench("/");
        Chromium.signIn(page, "admin", "demo-admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chargements"))
                .click();
        assertThat(page.locator("h1")).hasText("Chargement de nuit des membres de l’université");
        assertThat(page.locator("#loads-schedule"))
                .containsText(settings.folder().toString());
        return page;
    }

    /**
     * Chooses the waiting file, clicks "run now" (a synchronisation, not a dry run), and waits until
     * the run is no longer running in the history: its row, cell by cell under the column headers.
     */
    private static Map<String, String> runNow(Page page, String name) {
        WalkInE2EIT.choose(page, "#loads-waiting", name);
        assertThat(page.locator("#loads-waiting")).containsText(name);
        assertThat(page.locator("#loads-mode")).containsText("synchronisation");
        assertThat(page.locator("#loads-dry-run input")).not().isChecked();
        page.locator("#loads-run-now").click();
        // The button did something: the run is announced at once.
        assertThat(page.locator("vaadin-notification-card")
                        .filter(new Locator.FilterOptions().setHasText("lancé"))
                        .first())
                .containsText("Chargement n°");
        return eventually(
                () -> rows(page, "#loads-history").stream()
                        .filter(r -> name.equals(r.get("Fichier")) && !"en cours".equals(r.get("État")))
                        .findFirst()
                        .orElse(null),
                RUN,
                "the run of " + name + " finished in the history");
    }

    /** Selects a run in the history by its file. */
    private static void select(Page page, String name) {
        page.locator("#loads-history vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(name))
                .first()
                .click();
    }

    /**
     * The rows a Vaadin grid shows, each as its column headers to its cells' texts: a cell's
     * content is slotted from the grid's light DOM into its row of the shadow table.
     */
    private static List<Map<String, String>> rows(Page page, String grid) {
        var rows = (List<?>) page.evaluate("""
                selector => {
                  const grid = document.querySelector(selector);
                  if (!grid || !grid.shadowRoot) return [];
                  const text = cell => {
                    const slot = cell.querySelector('slot');
                    return slot ? slot.assignedNodes({flatten: true}).map(n => n.textContent).join('').trim() : '';
                  };
                  const header = grid.shadowRoot.querySelector('#header tr');
                  if (!header) return [];
                  const names = [...header.querySelectorAll('th')].map(text);
                  return [...grid.shadowRoot.querySelectorAll('#items tr')]
                    .filter(tr => !tr.hidden)
                    .map(tr => [...tr.querySelectorAll('td')].map(text))
                    .filter(cells => cells.some(c => c !== ''))
                    .map(cells => Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ''])));
                }
                """, grid);
        return rows.stream()
                .map(row -> ((Map<?, ?>) row)
                        .entrySet().stream()
                                .collect(Collectors.toMap(
                                        e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))))
                .toList();
    }

    /** Asks again every half second until there is an answer, or fails saying what was awaited. */
    private static <T> T eventually(Supplier<T> answer, Duration within, String awaited) {
        var until = Instant.now().plus(within);
        while (true) {
            var found = answer.get();
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Not seen within " + within.toSeconds() + " s: " + awaited);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + awaited, e);
            }
        }
    }

    /** Puts a file where the night's transfer drops it (all tests share the folder: a name of its own). */
    private Path drop(String name, String xml) throws IOException {
        Files.createDirectories(settings.folder());
        var file = settings.folder().resolve(name);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).replaceAll("[\\d-]", "q");
    }

    /** A primary identifier of the kind that no patron of the shared database has. */
    private String freeIdentifier(String kind) {
        while (true) {
            var id = kind + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
            if (Objects.equals(
                    jdbc.queryForObject("select count(*) from patron where primary_identifier = ?", Long.class, id),
                    0L)) {
                return id;
            }
        }
    }

    /** A university key (P and seven digits) that no patron of the shared database has. */
    private String freeKey() {
        while (true) {
            var key = "P" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
            if (Objects.equals(
                    jdbc.queryForObject("select count(*) from patron where university_key = ?", Long.class, key), 0L)) {
                return key;
            }
        }
    }
}
