package be.uliege.library.registration.export.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.export.ExportRun;
import be.uliege.library.registration.export.Exports;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.io.ByteArrayOutputStream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The exports screen without a browser (R-INT-3): an administrator exports the changes now, sees
 * the run with its counts and its files, and downloads a file; nothing but a run's own file can be
 * asked for.
 */
@SpringBootTest
@WithMockUser(
        username = "admin",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER, Roles.USER_ADMINISTRATOR})
class ExportsViewIT extends SpringBrowserlessTest {

    @Autowired
    Exports exports;

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorExportsNow_seesTheRunAndItsFiles_andDownloadsOne() throws Exception {
        var view = navigate(ExportsView.class);
        assertThat($(Paragraph.class).id("exports-schedule").getText()).contains("20");

        test($(Button.class).id("exports-delta")).click();

        ExportRun run = null;
        for (int i = 0; i < 120 && (run == null || run.status() == ExportRun.Status.RUNNING); i++) {
            Thread.sleep(250);
            run = exports.runs(1).getFirst();
        }
        assertThat(run.status()).isEqualTo(ExportRun.Status.COMPLETED);
        assertThat(run.startedBy()).isEqualTo("admin");
        assertThat(run.files()).isNotEmpty();

        view.refresh(); // as the page's poll does while the export runs
        Grid<ExportRun> grid = $(Grid.class).id("exports-runs");
        test(grid).select(0);
        assertThat($(Paragraph.class).id("exports-files-title").getText()).contains(String.valueOf(run.id()));
        var name = run.files().getFirst().name();
        var links = $(VerticalLayout.class).id("exports-files").getChildren().toList();
        assertThat(links)
                .as($(Paragraph.class).id("exports-files-title").getText())
                .hasSize(run.files().size());
        assertThat(((Anchor) links.getFirst()).getText()).contains(name);

        var out = new ByteArrayOutputStream();
        exports.download(run.files().getFirst().name(), out);
        try (var zip = new ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            assertThat(zip.getNextEntry().getName()).endsWith(".xml");
        }
        assertThatThrownBy(() -> exports.download("../../etc/passwd", new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
