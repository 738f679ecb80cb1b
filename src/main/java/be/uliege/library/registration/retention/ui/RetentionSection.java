package be.uliege.library.registration.retention.ui;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.ui.PatronSection;
import be.uliege.library.registration.retention.PersonalDataAccess;
import be.uliege.library.registration.retention.Retention;
import be.uliege.library.registration.retention.RetentionHolds;
import be.uliege.library.registration.retention.RetentionRefusedException;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A patron's retention and data rights at the desk (R-RET-1, R-RET-2): the purge date and whether
 * a hold stands, for everyone; for a manager, the hold set or lifted with its reason and the
 * erasure at the person's request — refused in words while a fee is open or a hold stands.
 */
@org.springframework.stereotype.Component
class RetentionSection implements PatronSection {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Retention retention;
    private final RetentionHolds holds;
    private final CurrentStaff staff;
    private final PersonalDataAccess access;

    RetentionSection(Retention retention, RetentionHolds holds, CurrentStaff staff, PersonalDataAccess access) {
        this.access = access;
        this.retention = retention;
        this.holds = holds;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Component render(PatronDetails patron) {
        var box = PatronSection.box("patron-retention", "retention.section");
        var content = new VerticalLayout();
        content.setPadding(false);
        content.setSpacing(false);
        box.add(content);
        fill(content, patron);
        return box;
    }

    private void fill(VerticalLayout content, PatronDetails patron) {
        content.removeAll();
        var purge = new Paragraph(content.getTranslation(
                "retention.section.purge-date",
                patron.purgeDate().format(DAY),
                patron.expirationDate().format(DAY)));
        purge.setId("patron-purge-date");
        content.add(purge);
        var hold = holds.of(patron.id());
        var status = new Paragraph(hold.map(h -> content.getTranslation(
                        "retention.section.held", RetentionView.TIME.format(h.heldAt()), h.heldBy(), h.reason()))
                .orElseGet(() -> content.getTranslation("retention.section.not-held")));
        status.setId("patron-hold");
        content.add(status);
        if (!staff.hasRole(Roles.DESK_MANAGER)) {
            return;
        }
        // The reader's language, taken now: the download runs in a request of its own.
        var language = UI.getCurrent() == null ? Locale.FRENCH : UI.getCurrent().getLocale();
        var pdf = new Anchor();
        pdf.setText(content.getTranslation("retention.access.pdf"));
        pdf.setId("patron-access-pdf");
        pdf.setHref(event -> {
            event.setFileName("data-" + patron.primaryIdentifier() + ".pdf");
            event.setContentType("application/pdf");
            access.writePdf(patron.id(), language, event.getOutputStream());
        });
        var json = new Anchor();
        json.setText(content.getTranslation("retention.access.json"));
        json.setId("patron-access-json");
        json.setHref(event -> {
            event.setFileName("data-" + patron.primaryIdentifier() + ".json");
            event.setContentType("application/json");
            access.writeJson(patron.id(), event.getOutputStream());
        });
        var downloads = new HorizontalLayout(pdf, json);
        content.add(new Paragraph(content.getTranslation("retention.access")), downloads);
        var reason = new TextArea(content.getTranslation("retention.hold.reason.label"));
        reason.setId("patron-hold-reason");
        reason.setMaxLength(RetentionHolds.REASON_MAX);
        reason.setHelperText(content.getTranslation("retention.hold.reason.help"));
        reason.setWidthFull();
        hold.ifPresent(h -> reason.setValue(h.reason()));
        var set = new Button(
                content.getTranslation(hold.isPresent() ? "retention.hold.change" : "retention.hold.set"), e -> {
                    try {
                        holds.hold(patron.id(), reason.getValue());
                        Notification.show(content.getTranslation("retention.hold.done"))
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        fill(content, patron);
                    } catch (RetentionRefusedException refused) {
                        // What was typed stays: the manager completes it.
                        reason.setInvalid(true);
                        reason.setErrorMessage(content.getTranslation(refused.messageKey(), refused.args()));
                    }
                });
        set.setId("patron-hold-set");
        var actions = new HorizontalLayout(set);
        if (hold.isPresent()) {
            var lift = new Button(content.getTranslation("retention.hold.lift"), e -> {
                holds.lift(patron.id());
                Notification.show(content.getTranslation("retention.hold.lifted"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                fill(content, patron);
            });
            lift.setId("patron-hold-lift");
            actions.add(lift);
        }
        var erase = new Button(content.getTranslation("retention.erase"), e -> confirmErasure(content, patron));
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        erase.setId("patron-erase");
        actions.add(erase);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        content.add(reason, actions);
    }

    private void confirmErasure(VerticalLayout content, PatronDetails patron) {
        var note = new TextField(content.getTranslation("retention.erase.note"));
        note.setHelperText(content.getTranslation("retention.erase.note.help"));
        note.setMaxLength(500);
        note.setWidthFull();
        note.setId("patron-erase-note");
        var dialog = new ConfirmDialog();
        dialog.setHeader(content.getTranslation("retention.erase.title", patron.primaryIdentifier()));
        dialog.add(new Paragraph(content.getTranslation("retention.erase.confirm")), note);
        dialog.setCancelable(true);
        dialog.setCancelText(content.getTranslation("retention.cancel"));
        dialog.setConfirmText(content.getTranslation("retention.erase"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                var run = retention.eraseOnRequest(patron.id(), note.getValue());
                Notification.show(content.getTranslation("retention.erase.done", run.id()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                UI.getCurrent().navigate("");
            } catch (RetentionRefusedException refused) {
                Notification.show(content.getTranslation(refused.messageKey(), refused.args()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        dialog.open();
    }
}
