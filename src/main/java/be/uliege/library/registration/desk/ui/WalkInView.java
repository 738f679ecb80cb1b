package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.desk.AlumnusConversion;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.desk.UnseenDuplicatesException;
import be.uliege.library.registration.patron.DuplicateSearch;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A walk-in registration (R-DESK-5): the person's data, then a search for an existing record that
 * must be done — on the data as it is now — before a new record can be made; a record found is
 * taken over instead (a former U, S or C converted, R-CNV-1). The new record gets a desk B
 * identifier and goes on to the fees and the registration step.
 */
@Route("walk-in")
@Menu(title = "nav.walk-in", order = 2)
@RolesAllowed(Roles.DESK_OPERATOR)
public class WalkInView extends VerticalLayout implements HasDynamicTitle {

    private final PatronService patrons;
    private final DuplicateSearch duplicates;
    private final DeskValidation validation;
    private final AlumnusConversion alumni;
    private final PatronForm form;
    private final CandidateList candidates;
    private final IdentityDocumentSelect document = new IdentityDocumentSelect();
    private final Button create = new Button();
    private final Paragraph searchState = new Paragraph();
    /** The data the last search ran on: a change after it asks for a new search. */
    private @Nullable PatronDraft searched;

    WalkInView(
            PatronService patrons,
            DuplicateSearch duplicates,
            DeskValidation validation,
            AlumnusConversion alumni,
            PatronSettings settings,
            BelgianPostalCodes postalCodes,
            AuthenticationContext authentication) {
        this.patrons = patrons;
        this.duplicates = duplicates;
        this.validation = validation;
        this.alumni = alumni;
        // A manager may register a BX patron (R-CNV-4, R-DESK-1): the BX group is offered then.
        this.form = new PatronForm(
                settings,
                postalCodes,
                authentication.hasRole(Roles.DESK_MANAGER)
                        ? Set.of(PatronKind.B, PatronKind.BX)
                        : Set.of(PatronKind.B));
        this.candidates = new CandidateList(patrons, authentication.hasRole(Roles.DESK_MANAGER));
        form.userGroup.setValue("Extérieur");
        form.language.setValue(Language.FRE);
        var search = new Button(getTranslation("walk-in.search"), e -> search());
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setId("walk-in-search");
        create.setText(getTranslation("walk-in.create"));
        create.setId("walk-in-create");
        create.setEnabled(false);
        create.addClickListener(e -> createNew());
        searchState.setId("walk-in-search-state");
        searchState.getElement().setAttribute("aria-live", "polite");
        add(
                new H1(getTranslation("walk-in.title")),
                new Paragraph(getTranslation("walk-in.help")),
                form,
                document,
                new HorizontalLayout(search, create),
                searchState,
                new H2(getTranslation("validation.candidates")),
                candidates);
    }

    private void search() {
        var draft = form.draft();
        candidates.show(duplicates.candidates(draft, -1), this::takeOver, this::asAlumnus);
        searched = draft;
        create.setEnabled(true);
        searchState.setText(
                getTranslation("walk-in.searched", candidates.shown().size()));
    }

    private void createNew() {
        if (searched == null || !Objects.equals(searched, form.draft())) {
            create.setEnabled(false);
            searchState.setText(getTranslation("walk-in.search-again"));
            return;
        }
        if (!document.requireChosen()) {
            return;
        }
        run(() -> validation.registerWalkIn(form.draft(), document.getValue(), candidates.shown()));
    }

    private void takeOver(PatronDetails existing) {
        if (!document.requireChosen()) {
            return;
        }
        var draft = form.draft();
        var identityDocument = document.getValue();
        TakeOverDialog.open(
                this,
                form,
                () -> validation.compareTakeOverWalkIn(existing.id(), draft),
                (version, takeNew) ->
                        validation.takeOverWalkIn(existing.id(), version, draft, takeNew, identityDocument));
    }

    /** The former student comes back as an alumnus (R-CNV-2): the year of the last degree, then the comparison. */
    private void asAlumnus(PatronDetails existing) {
        if (!document.requireChosen()) {
            return;
        }
        var draft = form.draft();
        var identityDocument = document.getValue();
        AlumnusYearDialog.open(
                this,
                alumni,
                existing.primaryIdentifier(),
                year -> TakeOverDialog.open(
                        this,
                        form,
                        () -> alumni.compareWalkIn(existing.id(), draft, year),
                        (version, takeNew) ->
                                alumni.convertWalkIn(existing.id(), version, draft, year, takeNew, identityDocument),
                        true));
    }

    private void run(Supplier<PatronDetails> action) {
        try {
            DeskMessages.decide(this, form, action);
        } catch (UnseenDuplicatesException e) {
            search();
            DeskMessages.error(this, getTranslation("walk-in.unseen"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("walk-in.title") + " · " + getTranslation("app.name");
    }
}
