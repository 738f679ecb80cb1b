package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.base.Resubmissions;
import be.uliege.library.registration.desk.PendingMails;
import be.uliege.library.registration.directory.PendingAccounts;
import be.uliege.library.registration.patron.PatronLists;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * What a desk needs every day (issue 15): the external patrons whose registration expires this
 * month, those expired but not yet purged, those left inactive (R-DESK-6), and the work sent after
 * a commit that has not gone through yet — directory accounts and welcome or renewal mails — each
 * with its last error in words and "retry now" (R-INT-2). Each tab names its count; each list is
 * read a page of 50 at a time; a row's identifier opens the patron's record.
 */
@Route("desk/lists")
@Menu(title = "nav.lists", order = 4)
@RolesAllowed(Roles.DESK_OPERATOR)
public class DeskListsView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));

    private final PendingAccounts accounts;
    private final PendingMails mails;
    private final TabSheet tabs = new TabSheet();

    DeskListsView(PatronLists lists, PendingAccounts accounts, PendingMails mails) {
        this.accounts = accounts;
        this.mails = mails;
        add(new H1(getTranslation("lists.title")), new Paragraph(getTranslation("lists.intro")));
        patronTab("expiring", lists::expiringThisMonth);
        patronTab("expired", lists::expired);
        patronTab("inactive", lists::inactive);
        directoryTab();
        mailTab();
        tabs.setWidthFull();
        add(tabs);
    }

    /** A tab: its grid and pager, its label with the list's count, reloaded from page 0 on demand. */
    private final class Listing<T> {

        private final String name;
        private final Tab tab;
        private final Grid<T> grid;
        private final Span position = new Span();
        private final Button previous;
        private final Button next;
        private final IntFunction<Loaded<T>> load;
        private int page;

        Listing(String name, Grid<T> grid, IntFunction<Loaded<T>> load) {
            this.name = name;
            this.grid = grid;
            this.load = load;
            grid.setId("lists-" + name + "-grid");
            grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(getTranslation("lists." + name + ".empty"));
            previous = new Button(getTranslation("lists.previous"), e -> show(page - 1));
            previous.setId("lists-" + name + "-previous");
            next = new Button(getTranslation("lists.next"), e -> show(page + 1));
            next.setId("lists-" + name + "-next");
            position.setId("lists-" + name + "-position");
            var pager = new HorizontalLayout(previous, position, next);
            pager.setAlignItems(FlexComponent.Alignment.BASELINE);
            var help = new Paragraph(getTranslation("lists." + name + ".help"));
            var content = new VerticalLayout(help, grid, pager);
            content.setPadding(false);
            tab = tabs.add(getTranslation("lists." + name), content);
            tab.setId("lists-" + name + "-tab");
        }

        void show(int wanted) {
            var loaded = load.apply(Math.max(0, wanted));
            page = loaded.page();
            grid.setItems(loaded.rows());
            tab.setLabel(getTranslation("lists." + name + ".count", loaded.total()));
            int pages = (int) Math.max(1, (loaded.total() + loaded.size() - 1) / loaded.size());
            position.setText(getTranslation("lists.page", page + 1, pages));
            previous.setEnabled(page > 0);
            next.setEnabled(page + 1 < pages);
        }

        void reload() {
            show(page);
        }
    }

    /** A page as a tab shows it. */
    private record Loaded<T>(long total, int page, int size, List<T> rows) {}

    private Anchor patronLink(long patronId, String identifier) {
        var link = new Anchor("patrons/" + patronId, identifier);
        link.addClassName("patron-link");
        return link;
    }

    private void patronTab(String name, IntFunction<PatronLists.Page> load) {
        var grid = new Grid<PatronLists.Listed>();
        grid.addComponentColumn(p -> patronLink(p.patron().value(), p.identifier()))
                .setHeader(getTranslation("patron.identifier"))
                .setAutoWidth(true);
        grid.addColumn(PatronLists.Listed::lastName).setHeader(getTranslation("patron.lastName"));
        grid.addColumn(PatronLists.Listed::firstName).setHeader(getTranslation("patron.firstName"));
        grid.addColumn(p -> getTranslation("patron.kind." + p.kind().name())).setHeader(getTranslation("patron.kind"));
        grid.addColumn(p -> DATE.format(p.expiration())).setHeader(getTranslation("patron.expirationDate"));
        if ("inactive".equals(name)) {
            grid.addColumn(p -> DATE.format(p.statusDate())).setHeader(getTranslation("lists.inactive.since"));
        } else {
            grid.addColumn(p -> DATE.format(p.purge())).setHeader(getTranslation("lists.purge"));
        }
        new Listing<>(name, grid, n -> {
                    var page = load.apply(n);
                    return new Loaded<>(page.total(), page.page(), PatronLists.PAGE_SIZE, page.rows());
                })
                .show(0);
    }

    private void directoryTab() {
        var grid = new Grid<PendingAccounts.Pending>();
        var listing = new Listing<>("directory", grid, n -> {
            var page = accounts.pending(n);
            return new Loaded<>(page.total(), page.page(), PendingAccounts.PAGE_SIZE, page.rows());
        });
        grid.addComponentColumn(a -> patronLink(a.patronId(), a.uid()))
                .setHeader(getTranslation("patron.identifier"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.disabling() ? "lists.directory.disable" : "lists.directory.write"))
                .setHeader(getTranslation("lists.what"));
        grid.addColumn(a -> TIME.format(a.requestedAt())).setHeader(getTranslation("lists.asked-at"));
        grid.addColumn(a -> a.lastError() == null
                        ? getTranslation("lists.directory.queued")
                        : getTranslation("lists.directory.error", a.lastError(), a.attempts()))
                .setHeader(getTranslation("lists.last-error"))
                .setFlexGrow(3);
        grid.addComponentColumn(a -> retryButton(
                        "lists-directory-retry-" + a.patronId(),
                        a.lastError() != null,
                        () -> accounts.retryNow(a.patronId()),
                        listing))
                .setAutoWidth(true);
        listing.show(0);
    }

    private void mailTab() {
        var grid = new Grid<PendingMails.Pending>();
        var listing = new Listing<>("mails", grid, n -> {
            var page = mails.pending(n);
            return new Loaded<>(page.total(), page.page(), PendingMails.PAGE_SIZE, page.rows());
        });
        grid.addComponentColumn(m -> patronLink(m.patronId(), m.identifier()))
                .setHeader(getTranslation("patron.identifier"))
                .setAutoWidth(true);
        grid.addColumn(m -> getTranslation(m.renewal() ? "lists.mails.renewal" : "lists.mails.welcome"))
                .setHeader(getTranslation("lists.what"));
        grid.addColumn(m -> TIME.format(m.registeredAt())).setHeader(getTranslation("lists.asked-at"));
        grid.addColumn(m -> m.failures() == 0
                        ? getTranslation("lists.mails.queued")
                        : getTranslation("lists.mails.error", m.failures()))
                .setHeader(getTranslation("lists.last-error"))
                .setFlexGrow(3);
        grid.addComponentColumn(m -> retryButton(
                        "lists-mails-retry-" + m.registrationId(),
                        m.retriable(),
                        () -> mails.retryNow(m.registrationId()),
                        listing))
                .setAutoWidth(true);
        listing.show(0);
    }

    /** "Retry now": says what happened in words, then shows the list again as it stands. */
    private Component retryButton(
            String id, boolean failed, java.util.function.Supplier<Resubmissions.Outcome> retry, Listing<?> listing) {
        var button = new Button(getTranslation("lists.retry"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId(id);
        button.setEnabled(failed);
        button.addClickListener(e -> {
            button.setEnabled(false);
            var outcome = retry.get();
            Consumer<String> say = outcome == Resubmissions.Outcome.RESUBMITTED
                    ? DeskMessages::success
                    : text -> DeskMessages.error(this, text);
            say.accept(getTranslation("lists.retry." + outcome.name()));
            listing.reload();
        });
        return button;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lists.title") + " · " + getTranslation("app.name");
    }
}
