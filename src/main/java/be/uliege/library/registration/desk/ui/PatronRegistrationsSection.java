package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.desk.RegistrationRecords;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.ui.PatronSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The patron's registration steps on the record at the desk (R-DESK-4, R-DESK-7, R-INT-1): each
 * first registration and renewal — when, by whom, at which site, the expiry it set, where its mail
 * stands — and whether the directory account is written, pending or failing (its last answer in
 * words). The latest step's mail can be sent again, an explicit action written in the history;
 * its button stays disabled once clicked, so a double click sends one mail.
 */
@org.springframework.stereotype.Component
class PatronRegistrationsSection implements PatronSection {

    private static final ZoneId DESK_ZONE = ZoneId.of("Europe/Brussels");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(DESK_ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH:mm").withZone(DESK_ZONE);

    private final RegistrationRecords records;
    private final PatronAccounts accounts;
    private final PatronSettings settings;
    private final Clock clock;

    PatronRegistrationsSection(
            RegistrationRecords records, PatronAccounts accounts, PatronSettings settings, Clock clock) {
        this.records = records;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Component render(PatronDetails patron) {
        var box = PatronSection.box("patron-registrations", "patron.registrations");
        var steps = records.steps(patron.id());
        if (steps.isEmpty()) {
            box.add(PatronSection.empty("patron-registrations-none", "patron.registrations.none"));
        } else {
            var grid = new Grid<RegistrationRecords.Step>();
            grid.setId("patron-registrations-grid");
            // Whole words at 1366 × 768: long site names and states wrap rather than being cut.
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.addColumn(s -> box.getTranslation("patron.registrations.kind." + s.kind()))
                    .setHeader(box.getTranslation("patron.registrations.kind"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addColumn(s -> TIME.format(s.registeredAt()))
                    .setHeader(box.getTranslation("patron.registrations.when"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addColumn(RegistrationRecords.Step::registeredBy)
                    .setHeader(box.getTranslation("patron.registrations.by"));
            grid.addColumn(s -> siteName(s.site()))
                    .setHeader(box.getTranslation("patron.registrations.site"))
                    .setFlexGrow(2);
            grid.addColumn(s -> DATE.format(s.expirationDate()))
                    .setHeader(box.getTranslation("patron.registrations.expiry"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addColumn(s -> mail(box, s))
                    .setHeader(box.getTranslation("patron.registrations.mail"))
                    .setFlexGrow(3);
            grid.setItems(steps);
            grid.setAllRowsVisible(true);
            box.add(grid);
        }
        var account = new Paragraph(account(box, accounts.status(patron.id()).orElse(null)));
        account.setId("patron-directory-account");
        box.add(account);
        if (!steps.isEmpty() && steps.getFirst().mayResend()) {
            box.add(resend(box, patron, steps.getFirst()));
        }
        return box;
    }

    private Button resend(Component box, PatronDetails patron, RegistrationRecords.Step latest) {
        var resend = new Button(box.getTranslation("patron.registrations.resend." + latest.kind()));
        resend.setId("patron-resend-mail");
        // One mail per click: disabled in the browser at once, and never enabled again on this screen.
        resend.setDisableOnClick(true);
        resend.addClickListener(e -> {
            try {
                records.resendMail(patron.id(), latest.id());
                var done = box.getTranslation("patron.registrations.resent", HOUR.format(clock.instant()));
                resend.setText(done);
                Notification.show(done, 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (PatronRuleException ex) {
                var v = ex.violations().getFirst();
                var n = Notification.show(
                        box.getTranslation(v.messageKey(), v.args().toArray()), 8000, Notification.Position.MIDDLE);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                n.setId("patron-resend-error");
                resend.setEnabled(true);
            }
        });
        return resend;
    }

    private String mail(Component box, RegistrationRecords.Step s) {
        var which = box.getTranslation("patron.registrations.mail." + s.kind());
        var state = s.mailFailures() > 0
                ? box.getTranslation("patron.registrations.mail.FAILED", s.mailFailures())
                : box.getTranslation("patron.registrations.mail." + s.mail(), time(s.mailAt()));
        return which + " · " + state;
    }

    /** R-INT-1: the directory account as it stands, its last answer in words when it failed. */
    static String account(Component box, PatronAccounts.@Nullable Status status) {
        if (status == null) {
            return box.getTranslation("patron.registrations.account.none");
        }
        if (!status.enabled()) {
            return box.getTranslation("patron.registrations.account.disabled", status.uid());
        }
        if (status.state() == PatronAccounts.State.DONE) {
            return box.getTranslation("patron.registrations.account.done", status.uid(), time(status.completedAt()));
        }
        if (status.attempts() == 0 || status.lastError() == null) {
            return box.getTranslation("patron.registrations.account.pending", status.uid(), time(status.requestedAt()));
        }
        return box.getTranslation(
                "patron.registrations.account.failed", status.uid(), why(box, status.lastError()), status.attempts());
    }

    /** The directory's last answer in words: unreachable, or refused with its answer's name. */
    static String why(Component box, String lastError) {
        var error = lastError.toLowerCase(Locale.ROOT);
        if (error.contains("connect")
                || error.contains("server down")
                || error.contains("timeout")
                || error.contains("unavailable")) {
            return box.getTranslation("patron.registrations.error.unreachable");
        }
        return box.getTranslation("patron.registrations.error.refused", lastError);
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
