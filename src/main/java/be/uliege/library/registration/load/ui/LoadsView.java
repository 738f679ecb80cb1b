package be.uliege.library.registration.load.ui;

import be.uliege.library.registration.base.ui.LivePolling;
import be.uliege.library.registration.load.LoadReportLine;
import be.uliege.library.registration.load.LoadRun;
import be.uliege.library.registration.load.Loads;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.PatronLists;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.FileInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The nightly load for user administrators (R-DESK-1, R-SIS-1…5): the schedule, "run now" on the
 * waiting file or an uploaded one (with a dry run), a running load's progress live with a safe
 * stop, past runs with their counts and duration, the rows a run reported (downloadable as CSV),
 * and the loaded patrons the load did not see today (R-SIS-3).
 *
 * <p>Longer than most classes: five panels of one screen that refresh together while a load runs.
 */
@Route("loads")
@Menu(title = "nav.loads", order = 7)
@RolesAllowed(Roles.USER_ADMINISTRATOR)
public class LoadsView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));
    private static final int REPORT_ROWS = 200;

    private final Loads loads;
    private final PatronLists lists;
    private final Select<String> waiting = new Select<>();
    private final Select<LoadInstructions.Mode> mode = new Select<>();
    private final Checkbox dryRun = new Checkbox();
    private final Paragraph progressText = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Button stop = new Button();
    private final Grid<LoadRun> history = new Grid<>();
    private final Grid<LoadReportLine> report = new Grid<>();
    private final Paragraph reportTitle = new Paragraph();
    private final Anchor csv = new Anchor();
    private final Button resume = new Button();
    private @Nullable LoadRun selected;
    private final LivePolling polling = new LivePolling(this::refresh);
    private List<String> waitingFiles = List.of();
    private boolean staleShown;
    private boolean wasRunning;
    private final Grid<PatronLists.Listed> staleGrid = new Grid<>();
    private final H2 staleTitle = new H2();

    LoadsView(Loads loads, PatronLists lists) {
        this.loads = loads;
        this.lists = lists;
        add(new H1(getTranslation("loads.title")), schedule());
        add(runNow(), running(), new H2(getTranslation("loads.history")), history, reportPanel(), stale());
        configureHistory();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("loads.title");
    }

    private Paragraph schedule() {
        var schedule = loads.schedule();
        var text = new Paragraph(getTranslation(
                "loads.schedule",
                schedule.next() == null ? "—" : schedule.next().format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")),
                getTranslation("loads.mode." + schedule.mode().name()),
                schedule.folder()));
        text.setId("loads-schedule");
        return text;
    }

    private VerticalLayout runNow() {
        waiting.setLabel(getTranslation("loads.waiting"));
        waiting.setId("loads-waiting");
        waiting.setEmptySelectionAllowed(false);
        mode.setLabel(getTranslation("loads.mode"));
        mode.setItems(LoadInstructions.Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("loads.mode." + m.name()));
        mode.setValue(LoadInstructions.Mode.SYNCHRONIZE);
        mode.setId("loads-mode");
        dryRun.setLabel(getTranslation("loads.dry-run"));
        dryRun.setId("loads-dry-run");
        var run = new Button(getTranslation("loads.run-now"), e -> runWaiting());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("loads-run-now");
        run.setDisableOnClick(true);
        run.addClickListener(e -> run.setEnabled(true));
        var bar = new HorizontalLayout(waiting, mode, dryRun, run);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        var upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            try (var in = new FileInputStream(file)) {
                long id = loads.runUploaded(metadata.fileName(), in, mode.getValue(), dryRun.getValue());
                getUI().ifPresent(ui -> ui.access(() -> started(id)));
            } catch (Loads.LoadRefusedException e) {
                getUI().ifPresent(ui -> ui.access(() -> refused(e)));
            } finally {
                file.delete();
            }
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, Loads.MAX_UPLOAD_BYTES));
        upload.setAcceptedFileTypes(".xml", ".zip", "application/xml", "text/xml", "application/zip");
        upload.setId("loads-upload");
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(getTranslation("loads.upload.add"))
                        .setMany(getTranslation("loads.upload.add")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(getTranslation("loads.upload.drop"))
                        .setMany(getTranslation("loads.upload.drop")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(getTranslation("loads.upload-type"))
                        .setFileIsTooBig(getTranslation("loads.upload-too-large"))
                        .setIncorrectFileType(getTranslation("loads.upload-type"))));
        var uploadHelp = new Paragraph(getTranslation("loads.upload.help"));
        var panel = new VerticalLayout(new H2(getTranslation("loads.run")), bar, uploadHelp, upload);
        panel.setPadding(false);
        return panel;
    }

    private VerticalLayout running() {
        progressText.setId("loads-progress");
        progressText.getElement().setAttribute("aria-live", "polite");
        stop.setText(getTranslation("loads.stop"));
        stop.setId("loads-stop");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.addClickListener(e -> {
            var current = currentRun();
            if (current != null && loads.stop(current.id())) {
                Notification.show(getTranslation("loads.stopping"));
            }
        });
        var panel = new VerticalLayout(progressText, progress, stop);
        panel.setPadding(false);
        return panel;
    }

    private void configureHistory() {
        history.setId("loads-history");
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        history.addColumn(r -> TIME.format(r.startedAt()))
                .setHeader(getTranslation("loads.started"))
                .setAutoWidth(true);
        history.addColumn(LoadRun::fileName).setHeader(getTranslation("loads.file"));
        history.addColumn(r -> getTranslation("loads.mode." + r.mode().name())
                        + (r.dryRun() ? " · " + getTranslation("loads.dry-run.short") : ""))
                .setHeader(getTranslation("loads.mode"));
        history.addColumn(r -> getTranslation("loads.status." + r.status().name()))
                .setHeader(getTranslation("loads.status"));
        history.addColumn(r -> LivePolling.duration(r.duration())).setHeader(getTranslation("loads.duration"));
        history.addColumn(r -> r.counts().read()).setHeader(getTranslation("loads.read"));
        history.addColumn(r -> r.counts().created()).setHeader(getTranslation("loads.created"));
        history.addColumn(r -> r.counts().updated()).setHeader(getTranslation("loads.updated"));
        history.addColumn(r -> r.counts().unchanged()).setHeader(getTranslation("loads.unchanged"));
        history.addColumn(r -> r.counts().rejected()).setHeader(getTranslation("loads.rejected"));
        history.addColumn(r -> r.counts().duplicates()).setHeader(getTranslation("loads.duplicates"));
        history.addColumn(r -> r.counts().heldBack()).setHeader(getTranslation("loads.held-back"));
        history.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
    }

    private VerticalLayout reportPanel() {
        reportTitle.setId("loads-report-title");
        report.setId("loads-report");
        report.setAllRowsVisible(true);
        report.addColumn(l -> l.file() + " · " + l.element())
                .setHeader(getTranslation("loads.position"))
                .setAutoWidth(true);
        report.addColumn(LoadReportLine::line).setHeader(getTranslation("loads.csv.line"));
        report.addColumn(l -> l.primaryId() == null ? "" : l.primaryId())
                .setHeader(getTranslation("loads.csv.identifier"));
        report.addColumn(l -> getTranslation("loads.outcome." + l.outcome().name()))
                .setHeader(getTranslation("loads.csv.outcome"));
        report.addColumn(l -> Loads.reason(getLocale(), l))
                .setHeader(getTranslation("loads.csv.reason"))
                .setFlexGrow(4);
        csv.setText(getTranslation("loads.csv"));
        csv.setId("loads-csv");
        resume.setText(getTranslation("loads.resume"));
        resume.setId("loads-resume");
        resume.addClickListener(e -> {
            if (selected != null) {
                try {
                    loads.resume(selected.id());
                    started(selected.id());
                } catch (Loads.LoadRefusedException refusal) {
                    refused(refusal);
                }
            }
        });
        var panel = new VerticalLayout(reportTitle, new HorizontalLayout(csv, resume), report);
        panel.setPadding(false);
        panel.setVisible(false);
        panel.setId("loads-report-panel");
        return panel;
    }

    private VerticalLayout stale() {
        var grid = staleGrid;
        grid.setId("loads-stale");
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(l -> new Anchor("patrons/" + l.patron().value(), l.identifier()))
                .setHeader(getTranslation("patron.identifier"));
        grid.addColumn(PatronLists.Listed::lastName).setHeader(getTranslation("patron.lastName"));
        grid.addColumn(PatronLists.Listed::firstName).setHeader(getTranslation("patron.firstName"));
        grid.addColumn(l -> getTranslation("patron.kind." + l.kind().name())).setHeader(getTranslation("patron.kind"));
        staleTitle.setId("loads-stale-title");
        var panel = new VerticalLayout(staleTitle, new Paragraph(getTranslation("loads.stale.help")), grid);
        panel.setPadding(false);
        return panel;
    }

    /** The loaded patrons not seen today: a load that just ended changes the list. */
    private void refreshStale() {
        var page = lists.notSynchronizedToday(0);
        staleGrid.setItems(page.rows());
        staleTitle.setText(getTranslation("loads.stale", page.total()));
    }

    private void runWaiting() {
        var file = waiting.getValue();
        if (file == null) {
            Notification.show(getTranslation("loads.choose-file")).addThemeVariants(NotificationVariant.LUMO_WARNING);
            return;
        }
        try {
            started(loads.runWaiting(file, mode.getValue(), dryRun.getValue()));
        } catch (Loads.LoadRefusedException e) {
            refused(e);
        }
    }

    private void started(long run) {
        // The list of patrons not seen today is read again when this run ends, even a quick one.
        wasRunning = true;
        Notification.show(getTranslation("loads.started.notice", run))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void refused(Loads.LoadRefusedException e) {
        Notification.show(getTranslation(e.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        refresh();
    }

    private @Nullable LoadRun currentRun() {
        return current(loads.runs(20));
    }

    /**
     * The load to follow: the one that runs (it has a job); else one just started, about to take
     * the lock. A run waiting behind another one's lock is not shown in its place.
     */
    private static @Nullable LoadRun current(List<LoadRun> runs) {
        var running =
                runs.stream().filter(r -> r.status() == LoadRun.Status.RUNNING).toList();
        return running.stream()
                .filter(r -> r.jobExecutionId() != null)
                .findFirst()
                .orElse(running.isEmpty() ? null : running.getFirst());
    }

    /** Everything again from the database: the runs, the waiting files, a running load's progress. */
    void refresh() {
        var files = loads.waiting();
        if (!files.equals(waitingFiles)) {
            // Only when the folder changed: a poll must neither close the list nor change the choice.
            var chosen = waiting.getValue();
            waitingFiles = files;
            waiting.setItems(files);
            if (chosen != null && files.contains(chosen)) {
                waiting.setValue(chosen);
            } else if (!files.isEmpty()) {
                waiting.setValue(files.getFirst());
            }
        }
        var runs = loads.runs(50);
        history.setItems(runs);
        var current = current(runs);
        if (!staleShown || (wasRunning && current == null)) {
            // On opening, and when a load has just ended: not at every poll of a running load.
            refreshStale();
            staleShown = true;
        }
        wasRunning = current != null;
        progress.setVisible(current != null);
        stop.setVisible(current != null);
        if (current == null) {
            progressText.setText(getTranslation("loads.idle"));
        } else {
            progressText.setText(progressOf(current));
            var total = current.total();
            if (total == null || total == 0) {
                progress.setIndeterminate(true);
            } else {
                progress.setIndeterminate(false);
                progress.setValue(Math.min(1.0, (double) current.counts().read() / total));
            }
        }
        getUI().ifPresent(ui -> LivePolling.whileRunning(ui, current != null));
        if (selected != null) {
            runs.stream().filter(r -> r.id() == selected.id()).findFirst().ifPresent(this::select);
        }
    }

    /** "Rows done X of Y, rejected so far Z, end about HH:mm." */
    private String progressOf(LoadRun run) {
        var counts = run.counts();
        var total = run.total();
        if (total == null) {
            return getTranslation("loads.progress.checking", run.fileName());
        }
        var elapsed = Duration.between(run.startedAt(), Instant.now());
        String end = "—";
        if (counts.read() > 0 && counts.read() < total) {
            var rest = elapsed.multipliedBy(total - counts.read()).dividedBy(counts.read());
            end = TIME.format(Instant.now().plus(rest));
        }
        return getTranslation("loads.progress", run.fileName(), counts.read(), total, counts.rejected(), end);
    }

    private void select(@Nullable LoadRun run) {
        selected = run;
        var panel = report.getParent().orElseThrow();
        panel.setVisible(run != null);
        if (run == null) {
            return;
        }
        long size = loads.reportSize(run.id());
        reportTitle.setText(
                run.refusedReason() != null && run.status() == LoadRun.Status.REFUSED
                        ? getTranslation("loads.refused", refusal(run.refusedReason()))
                        : size == 0
                                ? getTranslation("loads.report.none", run.fileName())
                                : size <= REPORT_ROWS
                                        ? getTranslation("loads.report.all", run.fileName(), size)
                                        : getTranslation("loads.report", run.fileName(), size, REPORT_ROWS));
        report.setItems(loads.report(run.id(), 0, REPORT_ROWS));
        long id = run.id();
        csv.setHref(event -> {
            event.setFileName("load-" + id + "-report.csv");
            event.setContentType("text/csv; charset=UTF-8");
            loads.writeReportCsv(id, getLocale(), event.getOutputStream());
        });
        csv.setVisible(size > 0);
        resume.setVisible(run.status() == LoadRun.Status.FAILED || run.status() == LoadRun.Status.STOPPED);
    }

    private String refusal(String stored) {
        var parts = List.of(stored.split("\u001f", -1));
        return getTranslation(parts.getFirst(), parts.subList(1, parts.size()).toArray());
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
