package be.uliege.library.registration.card.ui;

import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.ui.PatronSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The patron's cards on the record at the desk (R-CARD-3, R-CARD-4): each card printed, the
 * latest first — when, by whom, at which site, why (the first card or a replacement's reason) and
 * where it stands (waiting for its activation, active, replaced) — with the way to the card screen.
 */
@org.springframework.stereotype.Component
class PatronCardsSection implements PatronSection {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));

    private final Cards cards;
    private final PatronSettings settings;

    PatronCardsSection(Cards cards, PatronSettings settings) {
        this.cards = cards;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component render(PatronDetails patron) {
        var box = PatronSection.box("patron-cards", "patron.cards");
        var all = cards.all(patron.id());
        if (all.isEmpty()) {
            box.add(PatronSection.empty("patron-cards-none", "patron.cards.none"));
        } else {
            var grid = new Grid<Cards.Card>();
            grid.setId("patron-cards-grid");
            // Whole words at 1366 × 768: long site names and states wrap rather than being cut.
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.addColumn(c -> time(c.printedAt()))
                    .setHeader(box.getTranslation("patron.cards.printed"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addColumn(Cards.Card::printedBy).setHeader(box.getTranslation("patron.cards.by"));
            grid.addColumn(c -> siteName(c.site()))
                    .setHeader(box.getTranslation("patron.cards.site"))
                    .setFlexGrow(2);
            grid.addColumn(c -> box.getTranslation("card.reason." + c.reason().name()))
                    .setHeader(box.getTranslation("card.reason"));
            grid.addColumn(c -> box.getTranslation(
                            "patron.cards.state." + c.status().name(), time(c.activatedAt())))
                    .setHeader(box.getTranslation("patron.cards.state"))
                    .setFlexGrow(2);
            grid.setItems(all);
            grid.setAllRowsVisible(true);
            box.add(grid);
        }
        if (patron.kind().isExternal() && patron.kind() != PatronKind.BX) {
            var screen = new Anchor("cards/" + patron.id(), box.getTranslation("patron.cards.open"));
            screen.setId("patron-cards-open");
            box.add(screen);
        }
        return box;
    }

    private String siteName(String code) {
        return settings.sites().stream()
                .filter(s -> s.code().equals(code))
                .map(PatronSettings.Site::name)
                .findFirst()
                .orElse(code);
    }

    private static String time(@Nullable Instant at) {
        return at == null ? "—" : TIME.format(at);
    }
}
