package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.desk.NewPasswords;
import be.uliege.library.registration.desk.RegistrationStep;
import be.uliege.library.registration.desk.Renewals;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.fee.ui.FeePanel;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.ui.DeskSite;
import be.uliege.library.registration.patron.ui.PatronPages;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The registration of one patron at the desk, resumable at any time (R-DESK-6): the identity
 * document checked, the fees (cash taken with its receipt, or waived by a manager), then the
 * registration step (R-DESK-4) — after which the login and the new password are shown once, to
 * be printed for the patron, and the steps that run after it (directory account, welcome mail)
 * show as pending until they are done. Once done, the screen — from the database, also after a
 * reload — shows the registration done and leads to the card; running the step again is a
 * separate action, confirmed, that charges nothing.
 *
 * <p>Longer than most screens: the step before, during and after (fees, identity document, the
 * password slip, the account and the welcome mail), each read from the database so that a reload
 * shows the same.
 */
@Route("registration")
@RolesAllowed(Roles.DESK_OPERATOR)
public class RegistrationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PatronService patrons;
    private final IdentityChecks identityChecks;
    private final Fees fees;
    private final RegistrationStep step;
    private final NewPasswords passwords;
    private final Renewals renewals;
    private final Clock clock;
    private final PatronSettings settings;
    private final Select<PatronSettings.Site> site;
    private final Div progress = new Div();
    private @Nullable PatronDetails patron;
    /** The operator chose to renew a registration still in force, expiring soon (R-DESK-7). */
    private boolean renewingEarly;

    RegistrationView(
            PatronService patrons,
            IdentityChecks identityChecks,
            Fees fees,
            RegistrationStep step,
            NewPasswords passwords,
            Renewals renewals,
            PatronSettings settings,
            Clock clock) {
        this.passwords = passwords;
        this.renewals = renewals;
        this.clock = clock;
        this.patrons = patrons;
        this.identityChecks = identityChecks;
        this.fees = fees;
        this.step = step;
        this.settings = settings;
        site = DeskSite.select(settings, getTranslation("desk.site"), PatronSettings.Site::name);
        site.setId("desk-site");
        progress.setId("registration-progress");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        PatronPages.open(this, id, patrons::details, this::show);
    }

    private void show(PatronDetails details) {
        this.patron = details;
        removeAll();
        site.setValue(DeskSite.current(settings));
        var title = new H1(getTranslation(
                "registration.title", details.firstName() + " " + details.lastName(), details.primaryIdentifier()));
        title.setId("registration-title");
        var status =
                new Paragraph(getTranslation("patron.kind." + details.kind().name()) + " · "
                        + getTranslation("patron.status." + details.status().name()));
        status.setId("registration-status");
        var record = new Anchor("patrons/" + details.id(), getTranslation("registration.record"));
        add(title, status, record, site);
        if (details.kind() == PatronKind.BX) {
            add(bxSection(details));
            return;
        }
        if (details.kind().isUniversity()) {
            // Loaded from the university every night; they log in with the university's account.
            var none = new Paragraph(getTranslation("rule.registration.university-never"));
            none.setId("university-no-registration");
            add(none);
            return;
        }
        var done = step.done(details.id());
        if (done.isPresent() && !renewingEarly) {
            add(registered(details, done.get()), progress);
        } else if (renewals.isRenewal(details)) {
            // R-DESK-7: never the first registration again, with its card fee and welcome mail.
            add(
                    new RenewalSection(
                            renewals, fees, details, () -> site.getValue().code(), this::reload, LocalDate.now(clock)),
                    progress);
        } else {
            add(identity(details), feesSection(details), activation(details), progress);
        }
        showProgress();
    }

    /**
     * The registration done and in force, as the database holds it (R-DESK-4): the identity
     * document, the fees that paid for it with their receipt, then the card. Running the step again
     * is a separate, confirmed action: it charges nothing (R-FEE-1).
     */
    private VerticalLayout registered(PatronDetails details, RegistrationStep.Done done) {
        var section = section("registration.done");
        var summary = new Paragraph(getTranslation(
                "registration.done.summary",
                QueueView.TIME.format(done.registeredAt()),
                done.registeredBy(),
                siteName(done.site()),
                DATE.format(done.expirationDate())));
        summary.setId("registration-done");
        var check = done.identityCheck();
        var identity = new Paragraph(
                check == null
                        ? getTranslation("registration.done.identity-unknown")
                        : getTranslation(
                                "registration.identity.done",
                                getTranslation(
                                        "desk.identity." + check.document().name()),
                                check.checkedBy(),
                                QueueView.TIME.format(check.checkedAt())));
        identity.setId("identity-done");
        var language = details.preferredLanguage() == null
                ? Locale.FRENCH
                : details.preferredLanguage().locale();
        var paid = new FeePanel(fees, () -> site.getValue().code(), language, this::reload);
        paid.show(done.fees());
        var card = new Button(
                getTranslation("registration.done.card"),
                e -> getUI().ifPresent(ui -> ui.navigate("cards/" + details.id())));
        card.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.setId("registration-to-card");
        var again = new Button(getTranslation("registration.rerun"), e -> confirmRerun(details, done));
        again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        again.setId("registration-rerun");
        var password = new Button(
                getTranslation("password.new"),
                e -> new NewPasswordDialog(this, passwords, details, this::reload).open());
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        password.setId("password-new");
        var actions = new HorizontalLayout(card, password, again);
        if (renewals.isRenewal(details)
                && !done.expirationDate().isAfter(LocalDate.now(clock).plusDays(renewals.reminderDays()))) {
            // Expiring soon (the reminder was sent): the renewal may be done now, a year from today.
            var renew = new Button(getTranslation("renewal.early"), e -> {
                renewingEarly = true;
                show(details);
            });
            renew.setId("renewal-early");
            actions.add(renew);
        }
        actions.setAlignItems(Alignment.BASELINE);
        section.add(summary, identity, new Paragraph(getTranslation("registration.done.fees")), paid, actions);
        return section;
    }

    /**
     * A BX patron (R-CNV-4): no login, no registration step, no fee; a desk manager extends the
     * registration by a year from today (R-DESK-7). Operators see the action and why it is not theirs.
     */
    private VerticalLayout bxSection(PatronDetails details) {
        var section = section("renewal.bx.title");
        var none = new Paragraph(getTranslation("rule.registration.bx-never"));
        none.setId("bx-no-login");
        var until = new Paragraph(getTranslation("renewal.bx.until", DATE.format(details.expirationDate())));
        until.setId("bx-until");
        var extend = new Button(
                getTranslation(
                        "renewal.bx.extend", DATE.format(LocalDate.now(clock).plusYears(1))),
                e -> {
                    try {
                        renewals.extendBx(details.id(), details.version());
                        DeskMessages.success(getTranslation("renewal.bx.done", details.primaryIdentifier()));
                        reload();
                    } catch (OptimisticLockingFailureException ex) {
                        PatronPages.changedMeanwhile(this, "patron.changed-meanwhile", this::reload);
                    }
                });
        extend.setId("bx-extend");
        section.add(none, until, extend);
        if (!renewals.mayExtendBx()) {
            extend.setEnabled(false);
            var managers = new Paragraph(getTranslation("renewal.bx.manager-only"));
            managers.setId("bx-manager-only");
            section.add(managers);
        }
        return section;
    }

    /**
     * Running the step again, only once the operator read what it does and saw the identity
     * document again (R-DESK-3, R-DESK-8): a new password, the welcome mail again, no fee.
     */
    private void confirmRerun(PatronDetails details, RegistrationStep.Done done) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("registration.rerun.title", details.primaryIdentifier()));
        var what = new Paragraph(getTranslation("registration.rerun.what"));
        what.setId("rerun-what");
        var paid = done.fees().stream()
                .map(f -> f.label() + " " + money(f.amount()) + " ("
                        + getTranslation("fee.status." + f.status().name())
                        + (f.receiptNumber() == null
                                ? ""
                                : ", " + getTranslation("registration.receipt", f.receiptNumber()))
                        + ")")
                .collect(Collectors.joining("; "));
        var fee = new Paragraph(getTranslation("registration.rerun.no-fee", paid));
        fee.setId("rerun-fee");
        var document = new IdentityDocumentSelect();
        var confirm = new Button(getTranslation("registration.rerun.confirm"), e -> {
            if (!document.requireChosen()) {
                return;
            }
            identityChecks.recordIdentityCheck(details.id(), document.getValue());
            dialog.close();
            register();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("rerun-confirm");
        var cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        cancel.setId("rerun-cancel");
        dialog.add(what, fee, document);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private String siteName(String code) {
        return settings.sites().stream()
                .filter(s -> s.code().equals(code))
                .map(PatronSettings.Site::name)
                .findFirst()
                .orElse(code);
    }

    private VerticalLayout identity(PatronDetails details) {
        var section = section("registration.identity");
        if (step.identityCheckedForThisRegistration(details.id())) {
            var last = identityChecks.identityChecks(details.id()).getFirst();
            var done = new Paragraph(getTranslation(
                    "registration.identity.done",
                    getTranslation("desk.identity." + last.document().name()),
                    last.checkedBy(),
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
            identityChecks.recordIdentityCheck(details.id(), document.getValue());
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
        var cannot = new Button(getTranslation("registration.fees.cannot-pay"), e -> {
            DeskMessages.success(getTranslation("registration.fees.stopped", details.primaryIdentifier()));
            getUI().ifPresent(ui -> ui.navigate(QueueView.class));
        });
        cannot.setId("fees-cannot-pay");
        var language = details.preferredLanguage() == null
                ? Locale.FRENCH
                : details.preferredLanguage().locale();
        var panel = new FeePanel(fees, () -> site.getValue().code(), language, this::reload);
        panel.show(lines, cannot);
        section.add(panel);
        return section;
    }

    private VerticalLayout activation(PatronDetails details) {
        var section = section("registration.step");
        var activate = new Button(
                getTranslation(
                        details.status() == PatronStatus.ACTIVE ? "registration.step.renew" : "registration.step.run"),
                e -> register());
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        activate.setId("registration-run");
        section.add(new Paragraph(getTranslation("registration.step.help")), activate);
        return section;
    }

    private void register() {
        var current = current();
        try {
            var outcome = step.register(
                    current.id(), current.version(), site.getValue().code());
            showPassword(outcome.account());
            show(outcome.patron());
        } catch (FeesDueException e) {
            DeskMessages.error(
                    this,
                    e.total().signum() == 0
                            ? getTranslation("registration.fees.undecided")
                            : getTranslation("registration.fees.due", money(e.total())));
        } catch (PatronRuleException e) {
            DeskMessages.violations(this, e.violations());
        } catch (OptimisticLockingFailureException e) {
            PatronPages.changedMeanwhile(this, "patron.changed-meanwhile", this::reload);
        }
    }

    /** The login and the password, shown once: closing the dialog forgets the password. */
    private void showPassword(PatronAccounts.IssuedPassword account) {
        new PasswordSlip(account).open();
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
        var accountText = account == null
                ? getTranslation("registration.progress.account.none")
                : !account.enabled()
                        ? getTranslation("registration.progress.account.disabled", account.uid())
                        : account.state() == PatronAccounts.State.DONE
                                ? getTranslation("registration.progress.account.done", account.uid())
                                : getTranslation(
                                        "registration.progress.account.pending",
                                        account.attempts(),
                                        account.lastError() == null ? "—" : account.lastError());
        var accountLine = new Paragraph(accountText);
        accountLine.setId("progress-account");
        var mailLine = new Paragraph(
                current.welcomeMailFailures() > 0
                        ? getTranslation("registration.progress.mail.FAILED", current.welcomeMailFailures())
                        : getTranslation("registration.progress.mail." + current.welcomeMail()));
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
        renewingEarly = false;
        show(patrons.details(current().id()));
    }

    private VerticalLayout section(String titleKey) {
        var section = new VerticalLayout(new H2(getTranslation(titleKey)));
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private String money(BigDecimal amount) {
        return FeePanel.money(amount, getLocale());
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
