package be.uliege.library.registration.patron.ui;

import be.uliege.library.registration.base.ui.FieldWidths;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.PatronSummary;
import be.uliege.library.registration.patron.identifier.RangeUsage;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The desk's search (R-ID-6): one box for an identifier or its beginning, a name (any accents,
 * either order), an e-mail, a phone or a birth date, narrowed by the kind of patron, the
 * status and where the expiration stands (issue 15: valid, expiring within 30 days, expired). The query and the filters stay in the address, so that going back from a record returns
 * to the same results.
 */
@Route("")
@Menu(title = "nav.search", order = 0)
@RolesAllowed(Roles.DESK_OPERATOR)
public class PatronSearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PatronService patrons;
    private final TextField query = new TextField();
    private final Select<PatronKind> kind = new Select<>();
    private final Select<PatronStatus> status = new Select<>();
    private final Select<PatronService.Expiry> expiry = new Select<>();
    private final Paragraph summary = new Paragraph();
    private final Grid<PatronSummary> results = new Grid<>();
    private final Clock clock;
    private final List<PatronSearchAction> searchActions;
    private final VerticalLayout actions = new VerticalLayout();
    private final Div warnings = new Div();
    /** True while the filters take their values from the address: that is no new search. */
    private boolean filling;

    PatronSearchView(PatronService patrons, Clock clock, List<PatronSearchAction> searchActions) {
        this.patrons = patrons;
        this.clock = clock;
        this.searchActions = searchActions;
        actions.setPadding(false);
        actions.setId("search-actions");
        query.setLabel(getTranslation("search.label"));
        query.setHelperText(getTranslation("search.help"));
        query.setId("patron-search");
        query.setWidth("32em");
        query.setMaxLength(200);
        query.setClearButtonVisible(true);
        query.addKeyPressListener(Key.ENTER, e -> submit());
        kind.setLabel(getTranslation("patron.kind"));
        kind.setItems(PatronKind.values());
        kind.setItemLabelGenerator(
                k -> k == null ? getTranslation("search.filter.any") : getTranslation("patron.kind." + k.name()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("search.filter.any"));
        kind.setId("search-kind");
        status.setLabel(getTranslation("patron.status"));
        status.setItems(PatronStatus.values());
        status.setItemLabelGenerator(
                st -> st == null ? getTranslation("search.filter.any") : getTranslation("patron.status." + st.name()));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("search.filter.any"));
        status.setId("search-status");
        expiry.setLabel(getTranslation("search.filter.expiry"));
        expiry.setItems(PatronService.Expiry.values());
        expiry.setItemLabelGenerator(x -> x == null
                ? getTranslation("search.filter.any")
                : getTranslation("search.filter.expiry." + x.name(), PatronService.EXPIRING_WITHIN_DAYS));
        expiry.setEmptySelectionAllowed(true);
        expiry.setEmptySelectionCaption(getTranslation("search.filter.any"));
        expiry.setId("search-expiry");
        FieldWidths.fitLongest(
                kind,
                Arrays.stream(PatronKind.values())
                        .map(k -> getTranslation("patron.kind." + k.name()))
                        .toList());
        kind.addValueChangeListener(e -> {
            if (!filling) {
                submit();
            }
        });
        status.addValueChangeListener(e -> {
            if (!filling) {
                submit();
            }
        });
        expiry.addValueChangeListener(e -> {
            if (!filling) {
                submit();
            }
        });
        var go = new Button(getTranslation("search.submit"), e -> submit());
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var bar = new HorizontalLayout(query, kind, status, expiry, go);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWrap(true);

        summary.setId("search-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        results.addColumn(PatronSummary::primaryIdentifier)
                .setHeader(getTranslation("patron.identifier"))
                .setAutoWidth(true);
        results.addColumn(PatronSummary::lastName).setHeader(getTranslation("patron.lastName"));
        results.addColumn(PatronSummary::firstName).setHeader(getTranslation("patron.firstName"));
        results.addColumn(p -> p.birthDate() == null ? "" : DATE.format(p.birthDate()))
                .setHeader(getTranslation("patron.birthDate"));
        results.addColumn(p -> getTranslation("patron.status." + p.status().name()))
                .setHeader(getTranslation("patron.status"));
        results.addColumn(p -> DATE.format(p.expirationDate())).setHeader(getTranslation("patron.expirationDate"));
        results.addColumn(p -> p.email() == null ? "" : p.email()).setHeader(getTranslation("patron.email"));
        // R-SIS-3: a loaded record the nightly load did not see today says so in the list.
        results.addComponentColumn(p -> {
                    var today = LocalDate.now(clock);
                    return p.synchronization().staleOn(today)
                            ? PatronView.synchronizationBadge(p.synchronization(), today)
                                    .orElseGet(Span::new)
                            : new Span();
                })
                .setHeader(getTranslation("patron.synchronization"))
                .setAutoWidth(true);
        results.addItemClickListener(e -> open(e.getItem()));
        results.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        results.setId("search-results");
        results.setAllRowsVisible(true);

        add(new H1(getTranslation("search.title")), warnings, bar, summary, actions, results);
    }

    /** R-ID-3: staff are warned when an identifier range is 90 % used. */
    private List<Paragraph> rangeWarnings() {
        return patrons.identifierRangeUsage().stream()
                .filter(RangeUsage::warning)
                .map(u -> {
                    var warning = new Paragraph(getTranslation(
                            "identifier.range-warning",
                            getTranslation("identifier.range." + u.range().name()),
                            Math.round(u.used() * 100)));
                    warning.addClassName("warning-text");
                    warning.getElement().setAttribute("role", "alert");
                    return warning;
                })
                .toList();
    }

    private void submit() {
        var value = query.getValue().strip();
        var parameters = new LinkedHashMap<String, String>();
        if (!value.isEmpty()) {
            parameters.put("q", value);
        }
        if (kind.getValue() != null) {
            parameters.put("kind", kind.getValue().name());
        }
        if (status.getValue() != null) {
            parameters.put("status", status.getValue().name());
        }
        if (expiry.getValue() != null) {
            parameters.put("expiry", expiry.getValue().name());
        }
        getUI().ifPresent(ui -> ui.navigate(PatronSearchView.class, QueryParameters.simple(parameters)));
    }

    private void run(String value, PatronService.SearchFilter filter) {
        actions.removeAll();
        if (value.isEmpty()) {
            results.setItems();
            summary.setText(!filter.narrows() ? "" : getTranslation("search.filter.needs-text"));
            return;
        }
        var result = patrons.search(value, filter);
        results.setItems(result.patrons());
        summary.setText(
                "TOO_SHORT".equals(result.understoodAs())
                        ? getTranslation("search.too-short")
                        : getTranslation(
                                "search.found",
                                result.patrons().size(),
                                getTranslation("search.as." + result.understoodAs())));
        for (var action : searchActions) {
            action.forQuery(value, result.patrons().size(), () -> run(value, filter))
                    .ifPresent(actions::add);
        }
    }

    /** A filter from the address, ignored when it names no known value. */
    private static <E extends Enum<E>> @Nullable E parameter(BeforeEnterEvent event, String name, Class<E> type) {
        var value = event.getLocation()
                .getQueryParameters()
                .getSingleParameter(name)
                .orElse("");
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(value))
                .findFirst()
                .orElse(null);
    }

    private void open(PatronSummary patron) {
        getUI().ifPresent(ui -> ui.navigate(PatronView.class, patron.id()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        warnings.removeAll();
        rangeWarnings().forEach(warnings::add);
        var q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        if (!q.equals(query.getValue())) {
            query.setValue(q);
        }
        var filter = new PatronService.SearchFilter(
                parameter(event, "kind", PatronKind.class),
                parameter(event, "status", PatronStatus.class),
                parameter(event, "expiry", PatronService.Expiry.class));
        filling = true;
        try {
            kind.setValue(filter.kind());
            status.setValue(filter.status());
            expiry.setValue(filter.expiry());
        } finally {
            filling = false;
        }
        run(q.strip(), filter);
        query.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.title") + " · " + getTranslation("app.name");
    }
}
