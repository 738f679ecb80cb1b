package be.uliege.library.registration.patron.ui;

import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSummary;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The desk's search (R-ID-6): one box for an identifier, a name (any accents, either order), an
 * e-mail, a phone or a birth date. The query stays in the address, so that going back from a
 * record returns to the same results.
 */
@Route("")
@Menu(title = "nav.search", order = 0)
@RolesAllowed(Roles.DESK_OPERATOR)
public class PatronSearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PatronService patrons;
    private final TextField query = new TextField();
    private final Paragraph summary = new Paragraph();
    private final Grid<PatronSummary> results = new Grid<>();
    private final com.vaadin.flow.component.html.Div warnings = new com.vaadin.flow.component.html.Div();

    PatronSearchView(PatronService patrons) {
        this.patrons = patrons;
        query.setLabel(getTranslation("search.label"));
        query.setHelperText(getTranslation("search.help"));
        query.setId("patron-search");
        query.setWidth("32em");
        query.setMaxLength(200);
        query.setClearButtonVisible(true);
        query.addKeyPressListener(Key.ENTER, e -> submit());
        var go = new Button(getTranslation("search.submit"), e -> submit());
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var bar = new HorizontalLayout(query, go);
        bar.setAlignItems(Alignment.BASELINE);

        summary.setId("search-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        results.addColumn(PatronSummary::primaryIdentifier).setHeader(getTranslation("patron.identifier")).setAutoWidth(true);
        results.addColumn(PatronSummary::lastName).setHeader(getTranslation("patron.lastName"));
        results.addColumn(PatronSummary::firstName).setHeader(getTranslation("patron.firstName"));
        results.addColumn(p -> p.birthDate() == null ? "" : DATE.format(p.birthDate()))
                .setHeader(getTranslation("patron.birthDate"));
        results.addColumn(p -> getTranslation("patron.status." + p.status().name())).setHeader(getTranslation("patron.status"));
        results.addColumn(p -> DATE.format(p.expirationDate())).setHeader(getTranslation("patron.expirationDate"));
        results.addColumn(p -> p.email() == null ? "" : p.email()).setHeader(getTranslation("patron.email"));
        results.addItemClickListener(e -> open(e.getItem()));
        results.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_ROW_STRIPES);
        results.setId("search-results");
        results.setAllRowsVisible(true);

        add(new H1(getTranslation("search.title")), warnings, bar, summary, results);
    }

    /** R-ID-3: staff are warned when an identifier range is 90 % used. */
    private java.util.List<Paragraph> rangeWarnings() {
        return patrons.identifierRangeUsage().stream()
                .filter(be.uliege.library.registration.patron.RangeUsage::warning)
                .map(u -> {
                    var warning = new Paragraph(getTranslation("identifier.range-warning",
                            getTranslation("identifier.range." + u.range().name()), Math.round(u.used() * 100)));
                    warning.addClassName("warning-text");
                    warning.getElement().setAttribute("role", "alert");
                    return warning;
                })
                .toList();
    }

    private void submit() {
        var value = query.getValue().strip();
        getUI().ifPresent(ui -> ui.navigate(PatronSearchView.class,
                value.isEmpty() ? QueryParameters.empty() : QueryParameters.simple(Map.of("q", value))));
    }

    private void run(String value) {
        if (value.isEmpty()) {
            results.setItems();
            summary.setText("");
            return;
        }
        var result = patrons.search(value);
        results.setItems(result.patrons());
        summary.setText(getTranslation("search.found", result.patrons().size(),
                getTranslation("search.as." + result.understoodAs())));
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
        run(q.strip());
        query.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.title") + " · " + getTranslation("app.name");
    }
}
