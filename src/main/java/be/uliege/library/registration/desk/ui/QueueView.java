package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.desk.DeskQueue;
import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The queue of confirmed pre-registrations (R-DESK-2): oldest first, with how long each has waited,
 * its flags and who has it open; searched and filtered; read a page at a time from the database,
 * so that thousands of entries scroll smoothly. Opening an entry a colleague has open says who and
 * since when, and opens it only if the operator decides to take it over.
 */
@Route("queue")
@Menu(title = "nav.queue", order = 1)
@RolesAllowed(Roles.DESK_OPERATOR)
public class QueueView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));

    private final DeskQueue queue;
    private final Clock clock;
    private final TextField search = new TextField();
    private final Checkbox duplicatesOnly = new Checkbox();
    private final Checkbox foreignOnly = new Checkbox();
    private final Checkbox suspiciousOnly = new Checkbox();
    private final Grid<DeskQueue.Entry> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    QueueView(DeskQueue queue, Cards cards, Clock clock) {
        this.queue = queue;
        this.clock = clock;
        setSizeFull();
        search.setLabel(getTranslation("queue.search"));
        search.setHelperText(getTranslation("queue.search.help"));
        search.setId("queue-search");
        search.setWidth("24em");
        search.setMaxLength(100);
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        duplicatesOnly.setLabel(getTranslation("queue.filter.duplicates"));
        duplicatesOnly.setId("queue-duplicates-only");
        duplicatesOnly.addValueChangeListener(e -> refresh());
        foreignOnly.setLabel(getTranslation("queue.filter.foreign"));
        foreignOnly.setId("queue-foreign-only");
        foreignOnly.addValueChangeListener(e -> refresh());
        suspiciousOnly.setLabel(getTranslation("queue.filter.suspicious"));
        suspiciousOnly.setId("queue-suspicious-only");
        suspiciousOnly.addValueChangeListener(e -> refresh());
        var bar = new HorizontalLayout(search, duplicatesOnly, foreignOnly, suspiciousOnly);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(e -> age(e))
                .setHeader(getTranslation("queue.waiting"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(DeskQueue.Entry::identifier)
                .setHeader(getTranslation("patron.identifier"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(DeskQueue.Entry::lastName).setHeader(getTranslation("patron.lastName"));
        grid.addColumn(DeskQueue.Entry::firstName).setHeader(getTranslation("patron.firstName"));
        grid.addColumn(e -> e.email() == null ? "" : e.email()).setHeader(getTranslation("patron.email"));
        grid.addComponentColumn(this::flags)
                .setHeader(getTranslation("queue.flags"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.openedBy() == null
                        ? ""
                        : getTranslation("queue.opened-by", e.openedBy(), TIME.format(e.openedAt())))
                .setHeader(getTranslation("queue.opened"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("queue-grid");
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setSizeFull();
        count.setId("queue-count");
        count.getElement().setAttribute("aria-live", "polite");

        add(new H1(getTranslation("queue.title")));
        // R-CARD-5: many identifiers got wrong activation codes: patrons may be made to wait online.
        cards.activationAlert().ifPresent(alert -> {
            var notice = new Paragraph(
                    getTranslation("card.activation.alert", alert.identifiers(), TIME.format(alert.raisedAt())));
            notice.setId("card-activation-alert");
            notice.addClassName("error-text");
            notice.getElement().setAttribute("role", "alert");
            add(notice);
        });
        add(bar, count, grid);
        refresh();
    }

    private DeskQueue.Filter filter() {
        return new DeskQueue.Filter(
                search.getValue(), duplicatesOnly.getValue(), foreignOnly.getValue(), suspiciousOnly.getValue());
    }

    private void refresh() {
        var filter = filter();
        // Lazy: the grid asks for the rows it shows, a page at a time.
        grid.setItems(
                query -> queue.page(filter, query.getOffset(), query.getLimit()).stream(),
                query -> queue.count(filter));
        count.setText(getTranslation("queue.count", queue.count(filter)));
    }

    private String age(DeskQueue.Entry entry) {
        var waited = Duration.between(entry.confirmedAt(), clock.instant());
        return waited.toDays() > 0
                ? getTranslation("queue.age.days", waited.toDays(), waited.toHoursPart())
                : getTranslation("queue.age.hours", waited.toHours(), waited.toMinutesPart());
    }

    private HorizontalLayout flags(DeskQueue.Entry entry) {
        var flags = new HorizontalLayout();
        flags.setSpacing(false);
        flags.getStyle().set("gap", "0.25em");
        if (entry.possibleDuplicate()) {
            flags.add(badge(getTranslation("queue.flag.duplicate"), "warning"));
        }
        if (entry.foreignAddress()) {
            flags.add(badge(getTranslation("queue.flag.foreign"), "contrast"));
        }
        if (!entry.suspicions().isEmpty()) {
            flags.add(suspicious(entry.suspicions()));
        }
        return flags;
    }

    /** The "suspicious data" badge; its reasons in words on hover and for screen readers (R-DESK-2). */
    Span suspicious(List<SuspiciousData.Reason> reasons) {
        var words = reasons.stream().map(r -> getTranslation(r.key())).collect(Collectors.joining(" · "));
        var badge = badge(getTranslation("queue.flag.suspicious"), "error");
        badge.setTitle(words);
        badge.getElement().setAttribute("aria-label", getTranslation("queue.flag.suspicious.why", words));
        return badge;
    }

    static Span badge(String text, String variant) {
        var badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + variant);
        return badge;
    }

    private void open(DeskQueue.Entry entry) {
        var heldBy = queue.open(entry.id(), false);
        if (heldBy == null) {
            getUI().ifPresent(ui -> ui.navigate(ValidationView.class, entry.id()));
            return;
        }
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("queue.held.title"));
        var text = new Paragraph(getTranslation("queue.held.text", heldBy.who(), TIME.format(heldBy.since())));
        text.setId("queue-held-text");
        dialog.add(text);
        var takeOver = new Button(getTranslation("queue.held.take-over"), e -> {
            queue.open(entry.id(), true);
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(ValidationView.class, entry.id()));
        });
        takeOver.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), takeOver);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("queue.title") + " · " + getTranslation("app.name");
    }
}
