package be.uliege.library.registration.export.ui;

import be.uliege.library.registration.base.ui.LivePolling;
import be.uliege.library.registration.export.ExportRun;
import be.uliege.library.registration.export.Exports;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The export to the library system for user administrators (R-INT-3): the schedule and the
 * folder, "export now" (the changes since the last export, or everything), the past runs with
 * their counts, and the files of a run to download.
 */
@Route("exports")
@Menu(title = "nav.exports", order = 9)
@RolesAllowed(Roles.USER_ADMINISTRATOR)
public class ExportsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));

    private final Exports exports;
    private final Grid<ExportRun> runs = new Grid<>();
    private final Paragraph filesTitle = new Paragraph();
    private final VerticalLayout files = new VerticalLayout();
    private final Paragraph status = new Paragraph();
    private final LivePolling polling = new LivePolling(this::refresh);
    private @Nullable Long selected;

    ExportsView(Exports exports) {
        this.exports = exports;
        var schedule = exports.schedule();
        var scheduleText = new Paragraph(getTranslation(
                "exports.schedule",
                schedule.next() == null ? "—" : schedule.next().format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")),
                schedule.folder(),
                schedule.maxUsersPerFile()));
        scheduleText.setId("exports-schedule");
        var delta = new Button(getTranslation("exports.delta"), e -> start(ExportRun.Kind.DELTA));
        delta.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        delta.setId("exports-delta");
        var full = new Button(getTranslation("exports.full"), e -> start(ExportRun.Kind.FULL));
        full.setId("exports-full");
        status.setId("exports-status");
        status.getElement().setAttribute("aria-live", "polite");
        configureRuns();
        filesTitle.setId("exports-files-title");
        files.setId("exports-files");
        files.setPadding(false);
        add(
                new H1(getTranslation("exports.title")),
                scheduleText,
                new HorizontalLayout(delta, full),
                status,
                new H2(getTranslation("exports.runs")),
                runs,
                filesTitle,
                files);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("exports.title");
    }

    private void start(ExportRun.Kind kind) {
        try {
            selected = exports.exportNow(kind);
            Notification.show(getTranslation("exports.started", selected))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (Exports.ExportRunningException e) {
            Notification.show(getTranslation("exports.running")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void configureRuns() {
        runs.setId("exports-runs");
        runs.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        runs.setAllRowsVisible(true);
        runs.addColumn(r -> TIME.format(r.startedAt()))
                .setHeader(getTranslation("exports.started-at"))
                .setAutoWidth(true);
        runs.addColumn(r -> getTranslation("exports.kind." + r.kind().name()))
                .setHeader(getTranslation("exports.kind"));
        runs.addColumn(ExportRun::startedBy).setHeader(getTranslation("exports.by"));
        runs.addColumn(r -> getTranslation("exports.status." + r.status().name()))
                .setHeader(getTranslation("exports.status"));
        runs.addColumn(r -> LivePolling.duration(r.duration())).setHeader(getTranslation("exports.duration"));
        runs.addColumn(ExportRun::users).setHeader(getTranslation("exports.users"));
        runs.addColumn(ExportRun::deleted).setHeader(getTranslation("exports.deleted"));
        runs.addColumn(r -> r.files().size()).setHeader(getTranslation("exports.files"));
        runs.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                selected = e.getValue() == null ? null : e.getValue().id();
                showFiles(e.getValue());
            }
        });
    }

    private void showFiles(@Nullable ExportRun run) {
        files.removeAll();
        if (run == null) {
            filesTitle.setText("");
            return;
        }
        if (run.files().isEmpty()) {
            var key = switch (run.status()) {
                case RUNNING -> "exports.files.running";
                case FAILED -> "exports.files.failed";
                case COMPLETED -> "exports.files.none";
            };
            filesTitle.setText(getTranslation(key, run.id()));
            return;
        }
        filesTitle.setText(getTranslation("exports.files.title", run.id()));
        for (var file : run.files()) {
            var link = new Anchor();
            link.setText(getTranslation("exports.file", file.name(), file.users(), file.bytes()));
            link.setHref(event -> {
                event.setFileName(file.name());
                event.setContentType("application/zip");
                exports.download(file.name(), event.getOutputStream());
            });
            files.add(link);
        }
    }

    void refresh() {
        var latest = exports.runs(30);
        runs.setItems(latest);
        var running = latest.stream().anyMatch(r -> r.status() == ExportRun.Status.RUNNING);
        status.setText(
                latest.isEmpty()
                        ? getTranslation("exports.never")
                        : running
                                ? getTranslation(
                                        "exports.in-progress", latest.getFirst().id())
                                : getTranslation(
                                        "exports.last",
                                        TIME.format(latest.getFirst().startedAt()),
                                        getTranslation("exports.status."
                                                + latest.getFirst().status().name()),
                                        latest.getFirst().users()));
        if (selected != null) {
            var id = selected;
            latest.stream().filter(r -> r.id() == id).findFirst().ifPresent(this::showFiles);
        }
        getUI().ifPresent(ui -> LivePolling.whileRunning(ui, running));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        polling.attach(attachEvent);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        polling.detach(detachEvent);
    }
}
