package be.uliege.library.registration.fee.ui;

import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.ui.PatronSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The patron's fees and receipts on the record at the desk (R-FEE-2): each fee with its type,
 * amount, who charged it and when, paid or waived and by whom, and its receipt — to print (the
 * receipt's PDF in the patron's language) or to e-mail again. A resend is an explicit action,
 * written in the patron's history by {@link Fees#mailReceipt}; its button stays disabled once
 * clicked, so a double click sends one mail.
 */
@org.springframework.stereotype.Component
class PatronFeesSection implements PatronSection {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Brussels"));

    private final Fees fees;
    private final Clock clock;

    PatronFeesSection(Fees fees, Clock clock) {
        this.fees = fees;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component render(PatronDetails patron) {
        var box = PatronSection.box("patron-fees", "patron.fees");
        var lines = fees.forPatron(patron.id());
        if (lines.isEmpty()) {
            box.add(PatronSection.empty("patron-fees-none", "patron.fees.none"));
            return box;
        }
        var ui = UI.getCurrent();
        var screenLanguage = ui == null ? Locale.FRENCH : ui.getLocale();
        var grid = new Grid<FeeLine>();
        grid.setId("patron-fees-grid");
        // Whole words at 1366 × 768: long site names and states wrap rather than being cut.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(FeeLine::label).setHeader(box.getTranslation("fee.type")).setFlexGrow(2);
        grid.addColumn(f -> FeePanel.money(f.amount(), screenLanguage))
                .setHeader(box.getTranslation("fee.amount"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> box.getTranslation("patron.fees.by-at", f.createdBy(), time(f.createdAt())))
                .setHeader(box.getTranslation("patron.fees.created"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> settled(box, f))
                .setHeader(box.getTranslation("fee.status"))
                .setFlexGrow(2);
        grid.addColumn(f -> f.receiptNumber() == null ? "—" : f.receiptNumber())
                .setHeader(box.getTranslation("patron.fees.receipt"))
                .setAutoWidth(true);
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        box.add(grid);
        var language = patron.preferredLanguage() == null
                ? Locale.FRENCH
                : patron.preferredLanguage().locale();
        boolean email = patron.contacts().stream().anyMatch(c -> c.kind() == ContactKind.EMAIL);
        lines.stream()
                .map(FeeLine::receiptNumber)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(receipt -> box.add(receiptActions(box, receipt, language, email)));
        return box;
    }

    private HorizontalLayout receiptActions(Component box, String receipt, Locale language, boolean email) {
        var pdf = new Anchor(
                DownloadHandler.fromInputStream(e -> new DownloadResponse(
                        new ByteArrayInputStream(fees.receiptPdf(receipt, language)),
                        receipt + ".pdf",
                        "application/pdf",
                        -1)),
                box.getTranslation("registration.receipt.print", receipt));
        pdf.setId("patron-receipt-pdf-" + receipt);
        pdf.setTarget("_blank");
        var row = new HorizontalLayout(pdf);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        if (!email) {
            row.add(new Span(box.getTranslation("patron.fees.no-email")));
            return row;
        }
        var mail = new Button(box.getTranslation("patron.fees.mail-again"));
        mail.setId("patron-receipt-mail-" + receipt);
        mail.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // One mail per click: disabled in the browser at once, and never enabled again on this screen.
        mail.setDisableOnClick(true);
        mail.addClickListener(e -> {
            fees.mailReceipt(receipt);
            mail.setText(box.getTranslation("patron.fees.mailed-again", receipt, HOUR.format(clock.instant())));
            Notification.show(
                            box.getTranslation("registration.receipt.mailed"), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        row.add(mail);
        return row;
    }

    private static String settled(Component box, FeeLine f) {
        var status = box.getTranslation("fee.status." + f.status().name());
        if (f.settledBy() == null) {
            return status;
        }
        var text = status + " · " + box.getTranslation("patron.fees.by-at", f.settledBy(), time(f.settledAt()));
        return f.waiverReason() == null ? text : text + " · " + f.waiverReason();
    }

    private static String time(@Nullable Instant at) {
        return at == null ? "—" : TIME.format(at);
    }
}
