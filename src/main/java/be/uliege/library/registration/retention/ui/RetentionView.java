package be.uliege.library.registration.retention.ui;

import be.uliege.library.registration.base.ui.LivePolling;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.retention.PurgeRun;
import be.uliege.library.registration.retention.Retention;
import be.uliege.library.registration.retention.RetentionHolds;
import be.uliege.library.registration.retention.RetentionRefusedException;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Retention for user administrators (R-RET-1): the preview of who a purge would remove on a given
 * day and who it would keep, and why (downloadable as CSV); "purge now" with a running purge's
 * progress live and a safe stop; past runs with their counts by kind and the patrons they kept;
 * the holds standing; the directory entries still to delete.
 */
@Route("retention")
@Menu(title = "nav.retention", order = 8)
@RolesAllowed(Roles.USER_ADMINISTRATOR)
public class RetentionView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));
    private static final int PREVIEW_ROWS = 200;
    private static final int SKIPPED_ROWS = 200;

    private final Retention retention;
    private final RetentionHolds holds;
    private final DatePicker day = new DatePicker();
    private final Paragraph previewSummary = new Paragraph();
    private final Grid<Retention.PreviewLine> preview = new Grid<>();
    private final Anchor previewCsv = new Anchor();
    private final Paragraph progressText = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Button stop = new Button();
    private final Grid<PurgeRun> runs = new Grid<>();
    private final Grid<PurgeRun.Skipped> skipped = new Grid<>();
    private final Paragraph skippedTitle = new Paragraph();
    private final Grid<RetentionHolds.Hold> holdGrid = new Grid<>();
    private final Paragraph directory = new Paragraph();
    private final LivePolling polling = new LivePolling(this::refresh);
    private @Nullable Long selected;

    RetentionView(Retention retention, RetentionHolds holds) {
        this.retention = retention;
        this.holds = holds;
        add(new H1(getTranslation("retention.title")), new Paragraph(getTranslation("retention.rule")));
        add(previewPanel(), purgePanel(), runsPanel(), holdsPanel());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("retention.title");
    }

    private VerticalLayout previewPanel() {
        day.setLabel(getTranslation("retention.preview.day"));
        day.setHelperText(getTranslation("retention.preview.day.help"));
        day.setLocale(Locale.FRANCE);
        day.setValue(retention.today());
        day.setId("retention-day");
        var show = new Button(getTranslation("retention.preview.show"), e -> showPreview());
        show.setId("retention-preview");
        var bar = new HorizontalLayout(day, show);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        previewSummary.setId("retention-preview-summary");
        previewSummary.getElement().setAttribute("aria-live", "polite");
        preview.setId("retention-preview-grid");
        preview.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        preview.setAllRowsVisible(true);
        preview.addColumn(Retention.PreviewLine::primaryIdentifier)
                .setHeader(getTranslation("retention.csv.identifier"));
        preview.addColumn(l -> l.kind().name()).setHeader(getTranslation("retention.csv.kind"));
        preview.addColumn(l -> date(l.expirationDate())).setHeader(getTranslation("retention.csv.expiration"));
        preview.addColumn(l -> date(l.purgeDate())).setHeader(getTranslation("retention.csv.purge-date"));
        preview.addColumn(l -> getTranslation("retention.outcome."
                        + (l.kept() == null ? "PURGED" : l.kept().name())))
                .setHeader(getTranslation("retention.csv.outcome"));
        preview.setVisible(false);
        previewCsv.setText(getTranslation("retention.preview.csv"));
        previewCsv.setId("retention-preview-csv");
        previewCsv.setVisible(false);
        var panel = new VerticalLayout(
                new H2(getTranslation("retention.preview")), bar, previewSummary, previewCsv, preview);
        panel.setPadding(false);
        return panel;
    }

    private void showPreview() {
        var chosen = day.getValue();
        if (chosen == null) {
            day.setInvalid(true);
            day.setErrorMessage(getTranslation("retention.preview.day.missing"));
            return;
        }
        day.setInvalid(false);
        var result = retention.preview(chosen, PREVIEW_ROWS);
        var byKind = Arrays.stream(PatronKind.values())
                .filter(k -> result.wouldPurge().getOrDefault(k, 0) > 0)
                .map(k -> k.name() + " " + result.wouldPurge().get(k))
                .collect(Collectors.joining(", "));
        previewSummary.setText(getTranslation(
                "retention.preview.summary",
                date(chosen),
                result.total(),
                byKind.isEmpty() ? "—" : byKind,
                result.keptForFee(),
                result.keptForHold()));
        preview.setItems(result.first());
        preview.setVisible(!result.first().isEmpty());
        previewCsv.setHref(event -> {
            event.setFileName("purge-preview-" + chosen + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            retention.writePreviewCsv(chosen, getLocale(), event.getOutputStream());
        });
        previewCsv.setVisible(!result.first().isEmpty());
    }

    private VerticalLayout purgePanel() {
        var now = new Button(getTranslation("retention.purge-now"), e -> confirmPurge());
        now.addThemeVariants(ButtonVariant.LUMO_ERROR);
        now.setId("retention-purge-now");
        progressText.setId("retention-progress");
        progressText.getElement().setAttribute("aria-live", "polite");
        stop.setText(getTranslation("retention.stop"));
        stop.setId("retention-stop");
        stop.addClickListener(e -> {
            var running = running();
            if (running != null && retention.stop(running.id())) {
                Notification.show(getTranslation("retention.stopping"));
            }
        });
        directory.setId("retention-directory");
        var panel = new VerticalLayout(
                new H2(getTranslation("retention.purge")),
                new Paragraph(getTranslation("retention.schedule")),
                now,
                progressText,
                progress,
                stop,
                directory);
        panel.setPadding(false);
        return panel;
    }

    private void confirmPurge() {
        var dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("retention.purge-now"));
        dialog.setText(getTranslation("retention.purge-now.confirm", date(retention.today())));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("retention.cancel"));
        dialog.setConfirmText(getTranslation("retention.purge-now"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                selected = retention.purgeNow();
                Notification.show(getTranslation("retention.started", selected))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RetentionRefusedException refused) {
                Notification.show(getTranslation(refused.messageKey(), refused.args()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        dialog.open();
    }

    private VerticalLayout runsPanel() {
        runs.setId("retention-runs");
        runs.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        runs.setAllRowsVisible(true);
        runs.addColumn(r -> TIME.format(r.startedAt()))
                .setHeader(getTranslation("retention.started.at"))
                .setAutoWidth(true);
        runs.addColumn(r -> getTranslation("retention.kind." + r.kind().name()))
                .setHeader(getTranslation("retention.kind"));
        runs.addColumn(PurgeRun::startedBy).setHeader(getTranslation("retention.by"));
        runs.addColumn(r -> getTranslation("retention.status." + r.status().name()))
                .setHeader(getTranslation("retention.status"));
        runs.addColumn(r -> LivePolling.duration(r.duration())).setHeader(getTranslation("retention.duration"));
        runs.addColumn(PurgeRun::purged).setHeader(getTranslation("retention.purged"));
        runs.addColumn(r -> Arrays.stream(PatronKind.values())
                        .filter(k -> r.purgedByKind().getOrDefault(k, 0) > 0)
                        .map(k -> k.name() + " " + r.purgedByKind().get(k))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("retention.by-kind"));
        runs.addColumn(PurgeRun::skippedFee).setHeader(getTranslation("retention.kept-fee"));
        runs.addColumn(PurgeRun::skippedHold).setHeader(getTranslation("retention.kept-hold"));
        runs.addColumn(r -> r.note() == null ? "" : r.note()).setHeader(getTranslation("retention.note"));
        runs.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                selected = e.getValue() == null ? null : e.getValue().id();
                showSkipped(e.getValue());
            }
        });
        skippedTitle.setId("retention-skipped-title");
        skipped.setId("retention-skipped");
        skipped.setAllRowsVisible(true);
        skipped.addComponentColumn(s -> new Anchor("patrons/" + s.patronId(), s.primaryIdentifier()))
                .setHeader(getTranslation("retention.csv.identifier"));
        skipped.addColumn(s -> getTranslation("retention.outcome." + s.outcome().name()))
                .setHeader(getTranslation("retention.csv.outcome"));
        skipped.setVisible(false);
        var panel = new VerticalLayout(new H2(getTranslation("retention.runs")), runs, skippedTitle, skipped);
        panel.setPadding(false);
        return panel;
    }

    private void showSkipped(@Nullable PurgeRun run) {
        if (run == null) {
            skippedTitle.setText("");
            skipped.setVisible(false);
            return;
        }
        var lines = retention.skipped(run.id(), SKIPPED_ROWS);
        skippedTitle.setText(
                lines.isEmpty()
                        ? getTranslation("retention.skipped.none", run.id())
                        : getTranslation("retention.skipped.title", run.id(), run.skippedFee() + run.skippedHold()));
        skipped.setItems(lines);
        skipped.setVisible(!lines.isEmpty());
    }

    private VerticalLayout holdsPanel() {
        holdGrid.setId("retention-holds");
        holdGrid.setAllRowsVisible(true);
        holdGrid.addComponentColumn(h -> new Anchor("patrons/" + h.patronId(), h.primaryIdentifier()))
                .setHeader(getTranslation("retention.csv.identifier"));
        holdGrid.addColumn(RetentionHolds.Hold::reason).setHeader(getTranslation("retention.hold.reason.label"));
        holdGrid.addColumn(RetentionHolds.Hold::heldBy).setHeader(getTranslation("retention.by"));
        holdGrid.addColumn(h -> TIME.format(h.heldAt())).setHeader(getTranslation("retention.hold.since"));
        var panel = new VerticalLayout(
                new H2(getTranslation("retention.holds")),
                new Paragraph(getTranslation("retention.holds.help")),
                holdGrid);
        panel.setPadding(false);
        return panel;
    }

    private @Nullable PurgeRun running() {
        return retention.runs(1).stream()
                .filter(r -> r.status() == PurgeRun.Status.RUNNING)
                .findFirst()
                .orElse(null);
    }

    void refresh() {
        var latest = retention.runs(30);
        runs.setItems(latest);
        var running = running();
        if (running != null) {
            progress.setVisible(true);
            stop.setVisible(!running.stopRequested());
            progress.setValue(running.due() == 0 ? 0 : Math.min(1.0, (double) running.done() / running.due()));
            progressText.setText(getTranslation(
                    running.stopRequested() ? "retention.progress.stopping" : "retention.progress",
                    running.id(),
                    running.done(),
                    running.due(),
                    running.purged()));
        } else {
            progress.setVisible(false);
            stop.setVisible(false);
            progressText.setText(
                    latest.isEmpty()
                            ? getTranslation("retention.never")
                            : getTranslation(
                                    "retention.last",
                                    TIME.format(latest.getFirst().startedAt()),
                                    getTranslation("retention.status."
                                            + latest.getFirst().status().name()),
                                    latest.getFirst().purged()));
        }
        if (selected != null) {
            var id = selected;
            latest.stream().filter(r -> r.id() == id).findFirst().ifPresent(this::showSkipped);
        }
        long waiting = retention.directoryDeletionsWaiting();
        directory.setText(
                waiting == 0
                        ? getTranslation("retention.directory.none")
                        : getTranslation("retention.directory.waiting", waiting));
        holdGrid.setItems(holds.all());
        getUI().ifPresent(ui -> LivePolling.whileRunning(ui, running != null));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        polling.attach(attachEvent);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        polling.detach(detachEvent);
    }

    private static String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
