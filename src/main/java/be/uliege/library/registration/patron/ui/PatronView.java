package be.uliege.library.registration.patron.ui;

import be.uliege.library.registration.patron.AccountType;
import be.uliege.library.registration.patron.PatronContacts;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Synchronization;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One patron's record at the desk: identity and dates, identifiers, contact items (external ones
 * marked and read-only, R-EXT-1; local ones editable, R-EXT-2), notes and the history of every
 * change (R-REC-6).
 *
 * <p>Longer than most screens: the record's sections (identity, contact items with their dialogs,
 * identifiers, notes, history) belong on one page at the desk.
 */
@Route("patrons")
@RolesAllowed(Roles.DESK_OPERATOR)
public class PatronView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final DateTimeFormatter DATE = PatronSearchView.DATE;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));

    private final PatronService patrons;
    private final PatronHistory patronHistory;
    private final PatronContacts contacts;
    private final BelgianPostalCodes postalCodes;
    private final AuthenticationContext authentication;
    private final List<PatronSection> sections;
    private final Clock clock;
    private @Nullable PatronDetails patron;

    PatronView(
            PatronService patrons,
            PatronHistory patronHistory,
            PatronContacts contacts,
            BelgianPostalCodes postalCodes,
            AuthenticationContext authentication,
            List<PatronSection> sections,
            Clock clock) {
        this.clock = clock;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(PatronSection::order))
                .toList();
        this.patrons = patrons;
        this.patronHistory = patronHistory;
        this.contacts = contacts;
        this.postalCodes = postalCodes;
        this.authentication = authentication;
        setPadding(true);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        PatronPages.open(this, id, patrons::details, this::show);
    }

    /**
     * R-SIS-3: a loaded record says when the nightly load last saw it; not today's is shown as a
     * warning (the person left the university's systems, or the row failed).
     */
    static Optional<Span> synchronizationBadge(Synchronization synchronization, LocalDate today) {
        if (!synchronization.loaded()) {
            return Optional.empty();
        }
        var last = synchronization.lastDay();
        var badge = new Span();
        if (synchronization.staleOn(today)) {
            badge.setText(
                    last == null
                            ? badge.getTranslation("patron.synchronization.never")
                            : badge.getTranslation("patron.synchronization.stale", DATE.format(last)));
            badge.getElement().getThemeList().add("badge error");
        } else {
            badge.setText(badge.getTranslation("patron.synchronization.today", DATE.format(last)));
            badge.getElement().getThemeList().add("badge success");
        }
        return Optional.of(badge);
    }

    private void show(PatronDetails details) {
        this.patron = details;
        removeAll();
        var title = new H1(details.firstName() + " " + details.lastName() + " · " + details.primaryIdentifier());
        title.setId("patron-title");
        add(title);
        if (details.kind() == PatronKind.BX) {
            // R-CNV-4: said at the top, so that no one looks for a password or a card to give.
            var noLogin = new Span(getTranslation("patron.bx.no-login"));
            noLogin.setId("patron-no-login");
            noLogin.getElement().getThemeList().add("badge contrast");
            add(noLogin);
        }
        synchronizationBadge(details.synchronization(), LocalDate.now(clock)).ifPresent(badge -> {
            badge.setId("patron-synchronization");
            add(badge);
        });
        if (details.kind() == PatronKind.B) {
            // The registration (identity document, fees, activation) resumes here at any time (R-DESK-6).
            var registration = new Anchor(
                    "registration/" + details.id(),
                    getTranslation(
                            details.status() == PatronStatus.ACTIVE
                                    ? "patron.registration.again"
                                    : "patron.registration.resume"));
            registration.setId("patron-registration");
            var card = new Anchor("cards/" + details.id(), getTranslation("patron.card"));
            card.setId("patron-card");
            add(registration, card);
        }
        if (details.accountType() == AccountType.INTERNAL) {
            // R-REC-6: names, dates, group and job of a record managed here (a change of use with its fee).
            var edit = new Anchor("patron-edit/" + details.id(), getTranslation("patron.edit"));
            edit.setId("patron-edit");
            add(edit);
        }
        if (details.status() == PatronStatus.ACTIVE
                && details.kind().isExternal()
                && authentication.hasRole(Roles.DESK_MANAGER)) {
            var deactivate = new Button(getTranslation("patron.deactivate"), e -> deactivate());
            deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            deactivate.setId("patron-deactivate");
            add(deactivate);
        }
        if (authentication.hasRole(Roles.DESK_MANAGER)) { // R-DESK-9: the merge screen is desk.ui's
            var merge = new Anchor("patrons/merge/" + details.id(), getTranslation("patron.merge"));
            merge.setId("patron-merge");
            add(merge);
        }
        add(identity(details));
        sections.forEach(s -> add(s.render(details))); // fees, cards, registration steps (R-DESK-4…7)
        add(identifiers(details), contacts(details), notes(details), history(details));
    }

    private Component identity(PatronDetails p) {
        var form = new FormLayout();
        form.setId("patron-identity");
        field(form, "patron.identifier", p.primaryIdentifier());
        field(form, "patron.kind", getTranslation("patron.kind." + p.kind().name()));
        field(form, "patron.lastName", p.lastName());
        field(form, "patron.firstName", p.firstName());
        field(
                form,
                "patron.gender",
                p.gender() == null
                        ? ""
                        : getTranslation("patron.gender." + p.gender().name()));
        field(form, "patron.birthDate", p.birthDate() == null ? "" : DATE.format(p.birthDate()));
        field(
                form,
                "patron.preferredLanguage",
                p.preferredLanguage() == null ? "" : p.preferredLanguage().code());
        field(form, "patron.userGroup", p.userGroup());
        field(form, "patron.jobCategory", p.jobCategory());
        field(form, "patron.jobDescription", p.jobDescription());
        field(form, "patron.resourceSharingLibrary", p.resourceSharingLibrary());
        field(
                form,
                "patron.status",
                getTranslation("patron.status." + p.status().name()));
        field(form, "patron.statusDate", DATE.format(p.statusDate()));
        field(form, "patron.expirationDate", DATE.format(p.expirationDate()));
        field(form, "patron.purgeDate", DATE.format(p.purgeDate()));
        field(
                form,
                "patron.accountType",
                getTranslation("patron.accountType." + p.accountType().name()));
        field(form, "patron.institutionalRecord", getTranslation(p.institutionalRecord() ? "common.yes" : "common.no"));
        field(form, "patron.owningSystem", p.owningSystem());
        return section("patron.section.identity", form);
    }

    private void field(FormLayout form, String key, @Nullable String value) {
        var text = new TextField(getTranslation(key));
        text.setValue(value == null ? "" : value);
        text.setReadOnly(true);
        form.add(text);
    }

    private Component identifiers(PatronDetails p) {
        var grid = new Grid<PatronDetails.Identifier>();
        grid.addColumn(i -> getTranslation("identifier.type." + i.type().name()))
                .setHeader(getTranslation("identifier.type"));
        grid.addColumn(PatronDetails.Identifier::value).setHeader(getTranslation("identifier.value"));
        grid.setItems(p.identifiers());
        grid.setAllRowsVisible(true);
        grid.setId("patron-identifiers");
        return section(
                "patron.section.identifiers",
                p.identifiers().isEmpty() ? new Paragraph(getTranslation("identifier.none")) : grid);
    }

    private Component contacts(PatronDetails p) {
        var grid = new Grid<PatronDetails.Contact>();
        grid.setId("patron-contacts");
        grid.addColumn(c -> getTranslation("contact.kind." + c.kind().name()))
                .setHeader(getTranslation("contact.kind"));
        grid.addColumn(c -> getTranslation("contact.usage." + c.usage().name()))
                .setHeader(getTranslation("contact.usage"));
        grid.addColumn(this::shown).setHeader(getTranslation("contact.value")).setFlexGrow(3);
        grid.addComponentColumn(c -> {
                    var source = new Span(
                            c.source() == ContactSource.EXTERNAL
                                    ? "✓ " + getTranslation("contact.source.EXTERNAL")
                                    : getTranslation("contact.source.LOCAL"));
                    if (c.source() == ContactSource.EXTERNAL) {
                        source.addClassName("external-mark");
                        source.getElement().setAttribute("title", getTranslation("contact.external-read-only"));
                    }
                    return source;
                })
                .setHeader(getTranslation("contact.source"));
        grid.addColumn(c -> c.usedForLetters()
                        ? getTranslation("contact.used-for-letters")
                        : c.preferred() ? getTranslation("contact.preferred") : "")
                .setHeader(getTranslation("contact.preferred"));
        grid.addComponentColumn(this::contactActions)
                .setHeader(getTranslation("common.actions"))
                .setAutoWidth(true);
        grid.setItems(p.contacts());
        grid.setAllRowsVisible(true);
        var add = new Button(getTranslation("contact.add"), e -> openAddContact());
        add.setId("add-contact");
        return section("patron.section.contacts", grid, add);
    }

    /** R-CON-4: an address's locality in the desk's language (Liège at a French-speaking desk for a stored "Luik"). */
    private String shown(PatronDetails.Contact c) {
        var address = c.address();
        if (address == null || address.city() == null || address.city().isBlank()) {
            return c.display();
        }
        return address.withCity(postalCodes.inLanguage(address.city(), getLocale()))
                .display();
    }

    /**
     * R-EXT-2: an external item is read in full and duplicated; a local one edited or deleted; any
     * item marked preferred, and a local mark cleared so that the external item is used again.
     */
    private Component contactActions(PatronDetails.Contact c) {
        var actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (c.source() == ContactSource.EXTERNAL) {
            actions.add(small(
                    "contact.view",
                    "contact-view-" + c.id(),
                    () -> new ContactDialog(c, null, this::show, this::staleRecord).open()));
            actions.add(small(
                    "contact.duplicate",
                    "contact-duplicate-" + c.id(),
                    () -> change(() ->
                            contacts.duplicateContact(current().id(), current().version(), c.id()))));
        } else {
            actions.add(small(
                    "contact.edit",
                    "contact-edit-" + c.id(),
                    () -> new ContactDialog(
                                    c,
                                    draft -> contacts.updateLocalContact(
                                            current().id(), current().version(), c.id(), draft),
                                    this::show,
                                    this::staleRecord)
                            .open()));
        }
        boolean externalOfKind = current().contacts().stream()
                .anyMatch(o -> o.kind() == c.kind() && o.source() == ContactSource.EXTERNAL);
        if (!c.usedForLetters()) {
            actions.add(small(
                    "contact.prefer",
                    "contact-prefer-" + c.id(),
                    () -> change(() ->
                            contacts.setPreferred(current().id(), current().version(), c.id(), true))));
        } else if (c.source() == ContactSource.LOCAL && c.preferred() && externalOfKind) {
            actions.add(small(
                    "contact.unprefer",
                    "contact-unprefer-" + c.id(),
                    () -> change(() ->
                            contacts.setPreferred(current().id(), current().version(), c.id(), false))));
        }
        if (c.source() == ContactSource.LOCAL) {
            var remove = small(
                    "contact.remove",
                    "contact-remove-" + c.id(),
                    () -> change(() -> contacts.removeLocalContact(
                            current().id(), current().version(), c.id())));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(remove);
        }
        return actions;
    }

    private Button small(String labelKey, String id, Runnable action) {
        var button = new Button(getTranslation(labelKey), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setId(id);
        return button;
    }

    private void openAddContact() {
        new ContactDialog(
                        null,
                        draft -> contacts.addLocalContact(
                                current().id(), current().version(), draft),
                        this::show,
                        this::staleRecord)
                .open();
    }

    private Component notes(PatronDetails p) {
        var list = new VerticalLayout();
        list.setPadding(false);
        for (var note : p.notes()) {
            var line = new Paragraph(TIME.format(note.createdAt()) + " · " + note.createdBy() + " · " + note.text());
            if (note.source() == ContactSource.EXTERNAL) {
                line.addClassName("external-mark");
            }
            if (contacts.mayChange(note)) {
                var edit = new Button(getTranslation("note.edit"), e -> editNote(note));
                edit.setId("note-edit-" + note.id());
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                var delete = new Button(
                        getTranslation("note.delete"),
                        e -> change(() ->
                                contacts.deleteNote(current().id(), current().version(), note.id())));
                delete.setId("note-delete-" + note.id());
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                var row = new HorizontalLayout(line, edit, delete);
                row.setAlignItems(FlexComponent.Alignment.BASELINE);
                list.add(row);
            } else {
                list.add(line);
            }
        }
        var text = new TextArea(getTranslation("note.new"));
        text.setMaxLength(2000);
        text.setWidthFull();
        text.setId("new-note");
        var add = new Button(
                getTranslation("note.add"),
                e -> change(() -> contacts.addNote(current().id(), current().version(), text.getValue())));
        add.setId("add-note");
        return section("patron.section.notes", list, text, add);
    }

    /** R-EXT-2: a local note rewritten by its author or a manager; nothing typed is lost on a refusal. */
    private void editNote(PatronDetails.Note note) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("note.edit"));
        var text = new TextArea(getTranslation("note.text"));
        text.setMaxLength(2000);
        text.setWidth("40em");
        text.setValue(note.text());
        text.setId("note-edit-text");
        var save = new Button(getTranslation("common.save"), e -> {
            try {
                show(contacts.editNote(current().id(), current().version(), note.id(), text.getValue()));
                dialog.close();
            } catch (PatronRuleException ex) {
                var v = ex.violations().getFirst();
                text.setErrorMessage(getTranslation(v.messageKey(), v.args().toArray()));
                text.setInvalid(true);
            } catch (OptimisticLockingFailureException ex) {
                dialog.close();
                staleRecord();
            }
        });
        save.setId("note-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(text);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private Component history(PatronDetails p) {
        var grid = new Grid<HistoryLine>();
        grid.setId("patron-history");
        grid.addColumn(h -> TIME.format(h.changedAt()))
                .setHeader(getTranslation("history.when"))
                .setAutoWidth(true);
        grid.addColumn(HistoryLine::changedBy).setHeader(getTranslation("history.who"));
        var words = new HistoryWords(this::getTranslation);
        grid.addColumn(words::field).setHeader(getTranslation("history.field"));
        grid.addColumn(h -> words.value(h, h.oldValue())).setHeader(getTranslation("history.old"));
        grid.addColumn(h -> words.value(h, h.newValue())).setHeader(getTranslation("history.new"));
        grid.setItems(patronHistory.lines(p.id()));
        grid.setHeight("20em");
        return section("patron.section.history", grid);
    }

    private Component section(String titleKey, Component... content) {
        var box = new VerticalLayout(new H2(getTranslation(titleKey)));
        box.add(content);
        box.setPadding(false);
        box.setWidthFull();
        return box;
    }

    /** A desk manager deactivates the patron, with a reason; the directory account follows (R-INT-1). */
    private void deactivate() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(
                getTranslation("patron.deactivate.title", current().primaryIdentifier()));
        var reason = new TextArea(getTranslation("patron.deactivate.reason"));
        reason.setHelperText(getTranslation("patron.deactivate.help"));
        reason.setMaxLength(200);
        reason.setWidth("28em");
        reason.setId("deactivate-reason");
        var confirm = new Button(getTranslation("patron.deactivate.confirm"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("rule.required"));
                reason.setInvalid(true);
                return;
            }
            dialog.close();
            change(() -> patrons.deactivate(current().id(), current().version(), reason.getValue()));
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        confirm.setId("deactivate-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void change(Supplier<PatronDetails> action) {
        try {
            show(action.get());
        } catch (PatronRuleException e) {
            var v = e.violations().getFirst();
            var n = Notification.show(
                    getTranslation(v.messageKey(), v.args().toArray()), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (OptimisticLockingFailureException e) {
            staleRecord();
        }
    }

    private void staleRecord() {
        PatronPages.changedMeanwhile(
                this,
                "patron.changed-meanwhile",
                () -> PatronPages.open(this, current().id(), patrons::details, this::show));
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
