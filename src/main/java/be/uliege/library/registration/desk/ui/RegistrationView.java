package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.desk.RegistrationStep;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.FeeSettledException;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronNotFoundException;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The registration of one patron at the desk, resumable at any time (R-DESK-6): the identity
 * document checked, the fees (cash taken with its receipt, or waived by a manager), then the
 * registration step (R-DESK-4) — after which the login and the new password are shown once, to
 * be printed for the patron, and the steps that run after it (directory account, welcome mail)
 * show as pending until they are done.
 */
@Route("registration")
@RolesAllowed(Roles.DESK_OPERATOR)
public class RegistrationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    /** The session attribute holding the operator's desk site. */
    static final String SITE = "desk.site";

    private final PatronService patrons;
    private final Fees fees;
    private final RegistrationStep step;
    private final PatronSettings settings;
    private final Select<PatronSettings.Site> site = new Select<>();
    private final Div progress = new Div();
    private @Nullable PatronDetails patron;

    RegistrationView(PatronService patrons, Fees fees, RegistrationStep step, PatronSettings settings) {
        this.patrons = patrons;
        this.fees = fees;
        this.step = step;
        this.settings = settings;
        site.setLabel(getTranslation("desk.site"));
        site.setItems(settings.sites());
        site.setItemLabelGenerator(PatronSettings.Site::name);
        site.setId("desk-site");
        site.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                VaadinSession.getCurrent().setAttribute(SITE, e.getValue().code());
            }
        });
        progress.setId("registration-progress");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            show(patrons.details(id));
        } catch (PatronNotFoundException e) {
            removeAll();
            add(new H1(getTranslation("patron.not-found")));
        }
    }

    private void show(PatronDetails details) {
        this.patron = details;
        removeAll();
        var code = (String) VaadinSession.getCurrent().getAttribute(SITE);
        site.setValue(settings.sites().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElse(settings.sites().getFirst()));
        var title = new H1(getTranslation("registration.title", details.firstName() + " " + details.lastName(),
                details.primaryIdentifier()));
        title.setId("registration-title");
        var status = new Paragraph(getTranslation("patron.kind." + details.kind().name()) + " · "
                + getTranslation("patron.status." + details.status().name()));
        status.setId("registration-status");
        var record = new Anchor("patrons/" + details.id(), getTranslation("registration.record"));
        add(title, status, record, site);
        if (details.kind() == PatronKind.BX) {
            add(new Paragraph(getTranslation("rule.registration.bx-never")));
            return;
        }
        add(identity(details), feesSection(details), activation(details), progress);
        showProgress();
    }

    private VerticalLayout identity(PatronDetails details) {
        var section = section("registration.identity");
        if (step.identityCheckedForThisRegistration(details.id())) {
            var last = patrons.identityChecks(details.id()).getFirst();
            var done = new Paragraph(getTranslation("registration.identity.done",
                    getTranslation("desk.identity." + last.document().name()), last.checkedBy(),
                    QueueView.TIME.format(last.checkedAt())));
            done.setId("identity-done");
            section.add(done);
            return section;
        }
        var document = new IdentityDocumentSelect();
        var record = new Button(getTranslation("registration.identity.record"), e -> {
            if (!document.requireChosen()) {
                return;
            }
            patrons.recordIdentityCheck(details.id(), document.getValue());
            reload();
        });
        record.setId("identity-record");
        var row = new HorizontalLayout(document, record);
        row.setAlignItems(Alignment.BASELINE);
        section.add(row);
        return section;
    }

    private VerticalLayout feesSection(PatronDetails details) {
        var section = section("registration.fees");
        var lines = fees.registrationFees(details.id());
        if (lines.isEmpty()) {
            var charge = new Button(getTranslation("registration.fees.charge"), e -> {
                fees.chargeRegistration(details.id());
                reload();
            });
            charge.setId("fees-charge");
            section.add(new Paragraph(getTranslation("registration.fees.none")), charge);
            return section;
        }
        var grid = new Grid<FeeLine>();
        grid.addColumn(FeeLine::label).setHeader(getTranslation("fee.type"));
        grid.addColumn(f -> money(f.amount())).setHeader(getTranslation("fee.amount")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation("fee.status." + f.status().name())
                + (f.settledBy() == null ? "" : " · " + f.settledBy())
                + (f.waiverReason() == null ? "" : " · " + f.waiverReason())).setHeader(getTranslation("fee.status"));
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.setId("fees-grid");
        section.add(grid);
        var open = lines.stream().filter(FeeLine::isOpen).toList();
        if (!open.isEmpty()) {
            var total = open.stream().map(FeeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            var pay = new Button(getTranslation("registration.fees.pay", money(total)), e -> pay(open));
            pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pay.setId("fees-pay");
            var cannot = new Button(getTranslation("registration.fees.cannot-pay"), e -> {
                DeskMessages.success(getTranslation("registration.fees.stopped", details.primaryIdentifier()));
                getUI().ifPresent(ui -> ui.navigate(QueueView.class));
            });
            cannot.setId("fees-cannot-pay");
            var actions = new HorizontalLayout(pay, cannot);
            if (isManager()) {
                var waive = new Button(getTranslation("registration.fees.waive"), e -> waive(open.getFirst()));
                waive.setId("fees-waive");
                actions.add(waive);
            }
            section.add(actions);
        }
        lines.stream().map(FeeLine::receiptNumber).filter(java.util.Objects::nonNull).distinct().forEach(receipt -> {
            var language = details.preferredLanguage() == null ? Locale.FRENCH : details.preferredLanguage().locale();
            var pdf = new Anchor(DownloadHandler.fromInputStream(e -> new com.vaadin.flow.server.streams.DownloadResponse(
                    new java.io.ByteArrayInputStream(fees.receiptPdf(receipt, language)), receipt + ".pdf",
                    "application/pdf", -1)), getTranslation("registration.receipt.print", receipt));
            pdf.setId("receipt-pdf");
            pdf.setTarget("_blank");
            var mail = new Button(getTranslation("registration.receipt.mail"), e -> {
                fees.mailReceipt(receipt);
                DeskMessages.success(getTranslation("registration.receipt.mailed"));
            });
            mail.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            var row = new HorizontalLayout(pdf, mail);
            row.setAlignItems(Alignment.CENTER);
            section.add(row);
        });
        return section;
    }

    private void pay(java.util.List<FeeLine> open) {
        try {
            var receipt = fees.payCash(open.stream().map(FeeLine::id).toList(), site.getValue().code());
            DeskMessages.success(getTranslation("registration.fees.paid", receipt));
        } catch (FeeSettledException e) {
            DeskMessages.error(this, getTranslation("registration.fees.settled-meanwhile", String.valueOf(e.by())));
        }
        reload();
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
                fees.waive(fee.id(), site.getValue().code(), reason.getValue());
            } catch (FeeSettledException ex) {
                DeskMessages.error(this, getTranslation("registration.fees.settled-meanwhile", String.valueOf(ex.by())));
            } catch (AccessDeniedException ex) {
                DeskMessages.error(this, getTranslation("registration.fees.waive.manager-only"));
            }
            dialog.close();
            reload();
        });
        confirm.setId("waive-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private VerticalLayout activation(PatronDetails details) {
        var section = section("registration.step");
        var activate = new Button(getTranslation(details.status() == PatronStatus.ACTIVE ? "registration.step.again"
                : "registration.step.run"), e -> register());
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        activate.setId("registration-run");
        section.add(new Paragraph(getTranslation("registration.step.help")), activate);
        return section;
    }

    private void register() {
        var current = current();
        try {
            var outcome = step.register(current.id(), current.version(), site.getValue().code());
            showPassword(outcome.account());
            show(outcome.patron());
        } catch (FeesDueException e) {
            DeskMessages.error(this, e.total().signum() == 0 ? getTranslation("registration.fees.undecided")
                    : getTranslation("registration.fees.due", money(e.total())));
        } catch (PatronRuleException e) {
            DeskMessages.violations(this, e.violations());
        } catch (OptimisticLockingFailureException e) {
            DeskMessages.error(this, getTranslation("patron.changed-meanwhile"));
            reload();
        }
    }

    /** The login and the password, shown once: closing the dialog forgets the password. */
    private void showPassword(PatronAccounts.IssuedPassword account) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("registration.password.title"));
        dialog.setCloseOnOutsideClick(false);
        var slip = new Div();
        slip.setId("password-slip");
        slip.addClassName("password-slip");
        var login = new Pre(getTranslation("registration.password.login") + "  " + account.login());
        login.setId("slip-login");
        var password = new Pre(getTranslation("registration.password.password") + "  " + account.password());
        password.setId("slip-password");
        password.getStyle().set("font-size", "1.4em");
        slip.add(new Paragraph(getTranslation("app.name")), login, password,
                new Paragraph(getTranslation("registration.password.advice")));
        dialog.add(slip, new Paragraph(getTranslation("registration.password.once")));
        var print = new Button(getTranslation("registration.password.print"),
                e -> dialog.getElement().executeJs("window.print()"));
        print.setId("slip-print");
        var done = new Button(getTranslation("registration.password.handed"), e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("slip-done");
        dialog.getFooter().add(print, done);
        dialog.open();
    }

    /** The steps after the commit: pending until the directory and the mail server have done them. */
    private void showProgress() {
        progress.removeAll();
        var current = step.progress(current().id());
        if (current.registeredAt() == null) {
            return;
        }
        progress.add(new H2(getTranslation("registration.progress")));
        var account = current.account();
        var accountText = account == null ? getTranslation("registration.progress.account.none")
                : !account.enabled() ? getTranslation("registration.progress.account.disabled", account.uid())
                : account.state() == PatronAccounts.State.DONE
                        ? getTranslation("registration.progress.account.done", account.uid())
                        : getTranslation("registration.progress.account.pending", account.attempts(),
                                account.lastError() == null ? "—" : account.lastError());
        var accountLine = new Paragraph(accountText);
        accountLine.setId("progress-account");
        var mailLine = new Paragraph(getTranslation("registration.progress.mail." + current.welcomeMail()));
        mailLine.setId("progress-mail");
        progress.add(accountLine, mailLine);
        getUI().ifPresent(ui -> ui.setPollInterval(current.isComplete() ? -1 : 2000));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(e -> {
            if (patron != null && patron.kind() != PatronKind.BX) {
                showProgress();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private void reload() {
        show(patrons.details(current().id()));
    }

    private VerticalLayout section(String titleKey) {
        var section = new VerticalLayout(new H2(getTranslation(titleKey)));
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private String money(BigDecimal amount) {
        var format = NumberFormat.getCurrencyInstance(getLocale() == null ? Locale.FRANCE
                : Locale.of(getLocale().getLanguage(), "BE"));
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    private static boolean isManager() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.DESK_MANAGER).equals(a.getAuthority()));
    }

    private PatronDetails current() {
        if (patron == null) {
            throw new IllegalStateException("No patron shown");
        }
        return patron;
    }

    @Override
    public String getPageTitle() {
        return (patron == null ? "" : patron.primaryIdentifier() + " · ") + getTranslation("app.name");
    }
}
