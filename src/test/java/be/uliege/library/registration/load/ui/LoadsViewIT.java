package be.uliege.library.registration.load.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.load.LoadRun;
import be.uliege.library.registration.load.LoadSettings;
import be.uliege.library.registration.load.Loads;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The loads screen (R-DESK-1, R-SIS-5), without a browser: a user administrator runs a dry run on
 * the waiting file — nothing changes, the file stays —, sees the run with its counts, opens its
 * report; the report's CSV is safe for spreadsheets (a cell that would be a formula is text).
 */
@SpringBootTest
@WithMockUser(
        username = "admin",
        roles = {Roles.DESK_OPERATOR, Roles.USER_ADMINISTRATOR})
class LoadsViewIT extends SpringBrowserlessTest {

    @Autowired
    LoadSettings settings;

    @Autowired
    Loads loads;

    @Test
    @SuppressWarnings("unchecked")
    void aDryRunFromTheScreenReportsWhatWouldChangeAndLeavesTheFile() throws Exception {
        Files.createDirectories(settings.folder());
        var name = "aaa-dry-" + ThreadLocalRandom.current().nextInt(1_000_000) + ".xml";
        var s = "S" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        var file = settings.folder().resolve(name);
        Files.writeString(
                file,
                "<users><user><primary_id>" + s + "</primary_id><last_name>Kowalczyk</last_name>"
                        + "<user_group>S</user_group></user>"
                        + "<user><primary_id>=1+1</primary_id><last_name>Formula</last_name>"
                        + "<user_group>S</user_group></user></users>",
                StandardCharsets.UTF_8);
        try {
            navigate(LoadsView.class);
            Select<String> waiting = $(Select.class).id("loads-waiting");
            test(waiting).selectItem(name);
            test($(Checkbox.class).id("loads-dry-run")).click();
            test($(Button.class).id("loads-run-now")).click();

            LoadRun run = null;
            for (int i = 0; i < 120 && (run == null || !run.finished()); i++) {
                Thread.sleep(250);
                run = loads.runs(20).stream()
                        .filter(r -> r.fileName().equals(name))
                        .findFirst()
                        .orElse(null);
            }
            assertThat(run).isNotNull();
            assertThat(run.status()).isEqualTo(LoadRun.Status.COMPLETED);
            assertThat(run.dryRun()).isTrue();
            assertThat(run.counts().read()).isEqualTo(2);
            assertThat(run.counts().rejected()).isEqualTo(2);
            assertThat(Files.exists(file))
                    .as("a dry run leaves the file waiting")
                    .isTrue();

            // The screen, opened again, lists the run; selecting it shows its report.
            navigate(LoadsView.class);
            Grid<LoadRun> history = $(Grid.class).id("loads-history");
            var listed = history.getGenericDataView()
                    .getItems()
                    .filter(r -> r.fileName().equals(name))
                    .findFirst();
            assertThat(listed).isPresent();
            history.select(listed.get());
            assertThat($(Paragraph.class).id("loads-report-title").getText()).contains(name);
            Grid<?> report = $(Grid.class).id("loads-report");
            assertThat(report.getGenericDataView().getItems().count()).isEqualTo(2);

            var csv = new ByteArrayOutputStream();
            loads.writeReportCsv(run.id(), Locale.ENGLISH, csv);
            var text = csv.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("\ufeff");
            assertThat(text).contains("\"'=1+1\"").doesNotContain(";\"=1+1\"");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theScreenIsForUserAdministratorsOnly() {
        assertThat(LoadsView.class
                        .getAnnotation(jakarta.annotation.security.RolesAllowed.class)
                        .value())
                .containsExactly(Roles.USER_ADMINISTRATOR);
    }
}
