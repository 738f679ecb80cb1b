package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.desk.AlumnusConversion;
import be.uliege.library.registration.desk.DeskQueue;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.patron.DuplicateSearch;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes;
import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import be.uliege.library.registration.preregistration.AlreadyDecidedException;
import be.uliege.library.registration.preregistration.PreRegistrationDecisions;
import be.uliege.library.registration.preregistration.PreRegistrationStatus;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Validating one pre-registration (R-DESK-3): its data, correctable, beside the records that may
 * be the same person — from every population, each with its score and the reasons in words — the
 * identity document seen, and the decision: a new patron, the same person as an existing record
 * (taken over; a former U, S or C converted, R-CNV-1), refused with a reason, or left for later.
 */
@Route("queue/entry")
@RolesAllowed(Roles.DESK_OPERATOR)
public class ValidationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final PreRegistrationDecisions decisions;
    private final DeskQueue queue;
    private final DeskValidation validation;
    private final AlumnusConversion alumni;
    private final PatronService patrons;
    private final DuplicateSearch duplicates;
    private final PatronForm form;
    private final IdentityDocumentSelect document = new IdentityDocumentSelect();
    private final CandidateList candidates;
    private final UnorderedList suspicions = new UnorderedList();
    private final Clock clock;
    private final List<String> universityDomains;
    private PreRegistrationDecisions.@Nullable Entry entry;
    private @Nullable PatronDetails record;

    ValidationView(
            PreRegistrationDecisions decisions,
            DeskQueue queue,
            DeskValidation validation,
            AlumnusConversion alumni,
            PatronService patrons,
            DuplicateSearch duplicates,
            PatronSettings settings,
            BelgianPostalCodes postalCodes,
            Clock clock,
            AuthenticationContext authentication) {
        this.decisions = decisions;
        this.clock = clock;
        this.universityDomains = settings.universityDomains();
        suspicions.setId("validation-suspicions");
        suspicions.addClassName("warning-text");
        this.queue = queue;
        this.validation = validation;
        this.alumni = alumni;
        this.patrons = patrons;
        this.duplicates = duplicates;
        this.form = new PatronForm(settings, postalCodes);
        this.candidates = new CandidateList(patrons, authentication.hasRole(Roles.DESK_MANAGER));
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        var found = decisions.entry(id).orElse(null);
        if (found == null || found.status() != PreRegistrationStatus.CONFIRMED) {
            add(
                    new H1(getTranslation("validation.gone.title")),
                    new Paragraph(
                            found == null
                                    ? getTranslation("validation.gone")
                                    : getTranslation("validation.decided", found.decidedBy())),
                    backToQueue());
            return;
        }
        this.entry = found;
        var held = queue.open(id, false);
        var title = new H1(getTranslation("validation.title", found.identifier()));
        title.setId("validation-title");
        add(title);
        if (held != null) {
            var banner =
                    new Paragraph(getTranslation("queue.held.text", held.who(), QueueView.TIME.format(held.since())));
            banner.setId("validation-held");
            banner.addClassName("warning-text");
            var takeOver = new Button(getTranslation("queue.held.take-over"), e -> {
                queue.open(id, true);
                getUI().ifPresent(ui -> ui.getPage().reload());
            });
            add(banner, takeOver);
            return;
        }
        var record = patrons.details(found.patronId());
        this.record = record;
        form.show(record.draft());
        var flags = new HorizontalLayout();
        if (found.possibleDuplicate()) {
            flags.add(QueueView.badge(getTranslation("queue.flag.duplicate"), "warning"));
        }
        if (found.foreignAddress()) {
            flags.add(QueueView.badge(getTranslation("queue.flag.foreign"), "contrast"));
        }
        flags.add(new Span(getTranslation("validation.use." + found.use().name())));
        var recheck = new Button(getTranslation("validation.search-again"), e -> showCandidates());
        recheck.setId("search-again");
        var left = new VerticalLayout(
                new H2(getTranslation("validation.data")), flags, suspicions, form, document, actions());
        left.setPadding(false);
        left.setId("validation-entry");
        var right = new VerticalLayout(
                new H2(getTranslation("validation.candidates")),
                new Paragraph(getTranslation("validation.candidates.help")),
                recheck,
                candidates);
        right.setPadding(false);
        right.setId("validation-comparison");
        right.addClassName("validation-comparison");
        // The entry and its possible duplicates side by side (R-DESK-3: comparing them is the step's
        // purpose): on a 1366 × 768 desk screen the candidates stay in sight, beside the form, and
        // scroll on their own; one column only on a narrow screen (frontend/styles/app.css).
        var columns = new Div(left, right);
        columns.addClassName("validation-columns");
        columns.setWidthFull();
        add(columns);
        showCandidates();
    }

    private HorizontalLayout actions() {
        var validate = new Button(getTranslation("validation.validate"), e -> validateAsNew());
        validate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        validate.setId("validate-new");
        var reject = new Button(getTranslation("validation.reject"), e -> reject());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.setId("reject");
        var later = new Button(getTranslation("validation.later"), e -> {
            queue.release(current().id());
            getUI().ifPresent(ui -> ui.navigate(QueueView.class));
        });
        later.setId("leave-for-later");
        return new HorizontalLayout(validate, later, reject);
    }

    /** The candidates and the suspicious data of the data as they are now in the form. */
    private void showCandidates() {
        var draft = form.draft();
        suspicions.removeAll();
        for (var reason : SuspiciousData.of(draft, LocalDate.now(clock), universityDomains)) {
            suspicions.add(new ListItem(getTranslation(reason.key())));
        }
        suspicions.setVisible(suspicions.getComponentCount() > 0);
        candidates.show(duplicates.candidates(draft, current().patronId()), this::takeOver, this::asAlumnus);
    }

    private void validateAsNew() {
        if (!document.requireChosen()) {
            return;
        }
        DeskMessages.decide(
                this,
                form,
                () -> validation.validateAsNew(
                        current().id(), currentRecord().version(), form.draft(), document.getValue()));
    }

    /** The operator says the entry is this record's person: the comparison, the choices, one confirmation. */
    private void takeOver(PatronDetails other) {
        if (!document.requireChosen()) {
            return;
        }
        long entryId = current().id();
        var draft = form.draft();
        var identityDocument = document.getValue();
        TakeOverDialog.open(
                this,
                form,
                () -> validation.compareTakeOver(entryId, other.id(), draft),
                (version, takeNew) ->
                        validation.takeOver(entryId, other.id(), version, draft, takeNew, identityDocument));
    }

    /** The entry is this former student's, who comes back as an alumnus (R-CNV-2): the year, then the comparison. */
    private void asAlumnus(PatronDetails other) {
        if (!document.requireChosen()) {
            return;
        }
        long entryId = current().id();
        var draft = form.draft();
        var identityDocument = document.getValue();
        AlumnusYearDialog.open(
                this,
                alumni,
                other.primaryIdentifier(),
                year -> TakeOverDialog.open(
                        this,
                        form,
                        () -> alumni.compare(entryId, other.id(), draft, year),
                        (version, takeNew) ->
                                alumni.convert(entryId, other.id(), version, draft, year, takeNew, identityDocument),
                        true));
    }

    private void reject() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("validation.reject.title"));
        var reason = new TextArea(getTranslation("validation.reject.reason"));
        reason.setHelperText(getTranslation("validation.reject.help"));
        reason.setMaxLength(1000);
        reason.setWidth("32em");
        reason.setId("reject-reason");
        var confirm = new Button(getTranslation("validation.reject.confirm"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("validation.reject.reason-required"));
                reason.setInvalid(true);
                return;
            }
            try {
                validation.reject(current().id(), reason.getValue());
                dialog.close();
                DeskMessages.success(
                        getTranslation("validation.rejected", current().identifier()));
                getUI().ifPresent(ui -> ui.navigate(QueueView.class));
            } catch (AlreadyDecidedException ex) {
                dialog.close();
                DeskMessages.error(this, getTranslation("validation.decided", String.valueOf(ex.by())));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        confirm.setId("reject-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private Button backToQueue() {
        return new Button(
                getTranslation("validation.back"), e -> getUI().ifPresent(ui -> ui.navigate(QueueView.class)));
    }

    private PreRegistrationDecisions.Entry current() {
        if (entry == null) {
            throw new IllegalStateException("No entry shown");
        }
        return entry;
    }

    private PatronDetails currentRecord() {
        if (record == null) {
            throw new IllegalStateException("No record shown");
        }
        return record;
    }

    @Override
    public String getPageTitle() {
        return (entry == null ? "" : entry.identifier() + " · ") + getTranslation("app.name");
    }
}
