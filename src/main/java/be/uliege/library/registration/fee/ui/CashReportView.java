package be.uliege.library.registration.fee.ui;

import be.uliege.library.registration.fee.FeeStatus;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cash report that closes a desk day (R-FEE-3): per operator and site, the count and total by
 * fee type, cash and waivers apart, with the day's cash total to count against the till.
 */
@Route("cash-report")
@Menu(title = "nav.cash-report", order = 3)
@RolesAllowed(Roles.DESK_OPERATOR)
public class CashReportView extends VerticalLayout implements HasDynamicTitle {

    private static final PatronSettings.Site ALL_SITES = new PatronSettings.Site("", "", "");

    private final Fees fees;
    private final DatePicker day = new DatePicker();
    private final Select<PatronSettings.Site> site = new Select<>();
    private final Grid<Fees.CashLine> grid = new Grid<>();
    private final Paragraph total = new Paragraph();

    CashReportView(Fees fees, PatronSettings settings) {
        this.fees = fees;
        day.setLabel(getTranslation("cash.day"));
        day.setValue(LocalDate.now(ZoneId.of("Europe/Brussels")));
        day.setLocale(Locale.FRANCE);
        day.setId("cash-day");
        day.addValueChangeListener(e -> refresh());
        site.setLabel(getTranslation("desk.site"));
        var sites = new ArrayList<PatronSettings.Site>();
        sites.add(ALL_SITES);
        sites.addAll(settings.sites());
        site.setItems(sites);
        site.setItemLabelGenerator(s -> s == ALL_SITES ? getTranslation("cash.all-sites") : s.name());
        site.setValue(ALL_SITES);
        site.setId("cash-site");
        site.addValueChangeListener(e -> refresh());
        grid.addColumn(Fees.CashLine::operator).setHeader(getTranslation("cash.operator"));
        grid.addColumn(Fees.CashLine::site)
                .setHeader(getTranslation("desk.site"))
                .setAutoWidth(true);
        grid.addColumn(Fees.CashLine::label).setHeader(getTranslation("fee.type"));
        grid.addColumn(l -> getTranslation("fee.status." + l.status().name())).setHeader(getTranslation("fee.status"));
        grid.addColumn(Fees.CashLine::count)
                .setHeader(getTranslation("cash.count"))
                .setAutoWidth(true);
        grid.addColumn(l -> money(l.total()))
                .setHeader(getTranslation("cash.total"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setId("cash-grid");
        total.setId("cash-total");
        var bar = new HorizontalLayout(day, site);
        add(new H1(getTranslation("cash.title")), bar, grid, total);
        refresh();
    }

    private void refresh() {
        var chosen = Optional.ofNullable(site.getValue())
                .filter(s -> s != ALL_SITES)
                .map(PatronSettings.Site::code)
                .orElse(null);
        var lines = day.getValue() == null ? List.<Fees.CashLine>of() : fees.cashReport(day.getValue(), chosen);
        grid.setItems(lines);
        var cash = lines.stream()
                .filter(l -> l.status() == FeeStatus.PAID)
                .map(Fees.CashLine::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        total.setText(getTranslation("cash.cash-total", money(cash)));
    }

    private static String money(BigDecimal amount) {
        var format = NumberFormat.getCurrencyInstance(Locale.of("fr", "BE"));
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cash.title") + " · " + getTranslation("app.name");
    }
}
