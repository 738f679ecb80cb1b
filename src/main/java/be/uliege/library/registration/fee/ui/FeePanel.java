package be.uliege.library.registration.fee.ui;

import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.FeeSettledException;
import be.uliege.library.registration.fee.Fees;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Fees at the desk (R-FEE-2): the lines with their status, the cash taken for the open ones at the
 * desk's site, a waiver with its reason for a desk manager, and each receipt to print or to mail.
 * The screen that shows it says which fees, and is told when one was settled.
 */
public class FeePanel extends VerticalLayout {

    private final Fees fees;
    private final Supplier<String> site;
    private final Locale receiptLanguage;
    private final Runnable settled;

    /**
     * @param site            the desk's site, asked when the cash is taken
     * @param receiptLanguage the patron's language, for the receipt
     * @param settled         what the screen does once a fee was paid or waived (show it again)
     */
    public FeePanel(Fees fees, Supplier<String> site, Locale receiptLanguage, Runnable settled) {
        this.fees = fees;
        this.site = site;
        this.receiptLanguage = receiptLanguage;
        this.settled = settled;
        setPadding(false);
        setSpacing(false);
    }

    /** Shows these fees; the extra actions go beside "take the cash" while one is open. */
    public void show(List<FeeLine> lines, Component... openActions) {
        removeAll();
        var grid = new Grid<FeeLine>();
        grid.addColumn(FeeLine::label).setHeader(getTranslation("fee.type"));
        grid.addColumn(f -> money(f.amount()))
                .setHeader(getTranslation("fee.amount"))
                .setAutoWidth(true);
        grid.addColumn(f -> getTranslation("fee.status." + f.status().name())
                        + (f.settledBy() == null ? "" : " · " + f.settledBy())
                        + (f.waiverReason() == null ? "" : " · " + f.waiverReason()))
                .setHeader(getTranslation("fee.status"));
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.setId("fees-grid");
        add(grid);
        var open = lines.stream().filter(FeeLine::isOpen).toList();
        if (!open.isEmpty()) {
            var total = open.stream().map(FeeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            var pay = new Button(getTranslation("registration.fees.pay", money(total)), e -> pay(open));
            pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pay.setId("fees-pay");
            var actions = new HorizontalLayout(pay);
            actions.add(openActions);
            if (fees.mayWaive()) {
                var waive = new Button(getTranslation("registration.fees.waive"), e -> waive(open.getFirst()));
                waive.setId("fees-waive");
                actions.add(waive);
            }
            add(actions);
        }
        lines.stream()
                .map(FeeLine::receiptNumber)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(receipt -> {
                    var pdf = new Anchor(
                            DownloadHandler.fromInputStream(e -> new DownloadResponse(
                                    new ByteArrayInputStream(fees.receiptPdf(receipt, receiptLanguage)),
                                    receipt + ".pdf",
                                    "application/pdf",
                                    -1)),
                            getTranslation("registration.receipt.print", receipt));
                    pdf.setId("receipt-pdf");
                    pdf.setTarget("_blank");
                    var mail = new Button(getTranslation("registration.receipt.mail"), e -> {
                        fees.mailReceipt(receipt);
                        success(getTranslation("registration.receipt.mailed"));
                    });
                    mail.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    var row = new HorizontalLayout(pdf, mail);
                    row.setAlignItems(Alignment.CENTER);
                    add(row);
                });
    }

    private void pay(List<FeeLine> open) {
        try {
            var receipt = fees.payCash(open.stream().map(FeeLine::id).toList(), site.get());
            success(getTranslation("registration.fees.paid", receipt));
        } catch (FeeSettledException e) {
            error(getTranslation("registration.fees.settled-meanwhile", String.valueOf(e.by())));
        }
        settled.run();
    }

    private void waive(FeeLine fee) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("registration.fees.waive"));
        var reason = new TextArea(getTranslation("registration.fees.waive.reason"));
        reason.setHelperText(getTranslation("registration.fees.waive.help"));
        reason.setMaxLength(500);
        reason.setWidth("28em");
        reason.setId("waive-reason");
        var confirm = new Button(getTranslation("registration.fees.waive.confirm"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("registration.fees.waive.reason-required"));
                reason.setInvalid(true);
                return;
            }
            try {
                fees.waive(fee.id(), site.get(), reason.getValue());
            } catch (FeeSettledException ex) {
                error(getTranslation("registration.fees.settled-meanwhile", String.valueOf(ex.by())));
            } catch (AccessDeniedException ex) {
                error(getTranslation("registration.fees.waive.manager-only"));
            }
            dialog.close();
            settled.run();
        });
        confirm.setId("waive-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    /** An amount in euros as the screen's language writes it. */
    public String money(BigDecimal amount) {
        return money(amount, getLocale());
    }

    /** An amount in euros as a desk in Belgium writes it in this language (French by default). */
    public static String money(BigDecimal amount, @Nullable Locale language) {
        var format = NumberFormat.getCurrencyInstance(
                language == null ? Locale.FRANCE : Locale.of(language.getLanguage(), "BE"));
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    private static void error(String text) {
        var n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("desk-error");
    }

    private static void success(String text) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
