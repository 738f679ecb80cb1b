package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.desk.ChangesOfUse;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.fee.ui.FeePanel;
import be.uliege.library.registration.patron.AccountType;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes;
import be.uliege.library.registration.patron.ui.DeskSite;
import be.uliege.library.registration.patron.ui.PatronPages;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Edits a record managed here, B or BX (R-REC-6, R-EXT-1): names, gender, birth date, language,
 * group, job category and description, resource sharing library, by the registration's rules, each
 * refusal on its field. A different group is a change of use with its fee (R-FEE-1): the fee is
 * taken on this screen and the change made once it is settled. A colleague's change meanwhile is
 * never overwritten: the save is refused, the form keeps what was typed, and the fields they
 * changed are named. Records loaded from the university are not edited here.
 */
@Route("patron-edit")
@RolesAllowed(Roles.DESK_OPERATOR)
public class PatronEditView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final PatronService patrons;
    private final ChangesOfUse changesOfUse;
    private final Fees fees;
    private final PatronSettings settings;
    private final BelgianPostalCodes postalCodes;
    private final VerticalLayout useChange = new VerticalLayout();
    private final Paragraph meanwhile = new Paragraph();
    private @Nullable PatronForm form;
    private @Nullable PatronDetails patron;

    PatronEditView(
            PatronService patrons,
            ChangesOfUse changesOfUse,
            Fees fees,
            PatronSettings settings,
            BelgianPostalCodes postalCodes) {
        this.patrons = patrons;
        this.changesOfUse = changesOfUse;
        this.fees = fees;
        this.settings = settings;
        this.postalCodes = postalCodes;
        useChange.setPadding(false);
        useChange.setId("edit-use-change");
        meanwhile.setId("edit-changed-meanwhile");
        meanwhile.setVisible(false);
        setPadding(true);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        PatronPages.open(this, id, patrons::details, this::show);
    }

    private void show(PatronDetails details) {
        this.patron = details;
        removeAll();
        var title = new H1(getTranslation(
                "edit.title", details.firstName() + " " + details.lastName(), details.primaryIdentifier()));
        title.setId("edit-title");
        add(title);
        var back = new Anchor("patrons/" + details.id(), getTranslation("edit.back"));
        back.setId("edit-back");
        if (details.accountType() == AccountType.EXTERNAL) {
            var loaded = new Paragraph(getTranslation("rule.record.external-read-only"));
            loaded.setId("edit-external");
            add(loaded, back);
            return;
        }
        var edited = new PatronForm(settings, postalCodes);
        edited.editing(details.kind());
        edited.show(details.draft());
        edited.userGroup.addValueChangeListener(e -> explainUse());
        this.form = edited;
        var save = new Button(getTranslation("common.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("edit-save");
        add(new Paragraph(getTranslation("edit.help")), edited, useChange, meanwhile, new HorizontalLayout(save, back));
        explainUse();
    }

    /** What the group chosen changes (R-FEE-1), said before the save. */
    private void explainUse() {
        useChange.removeAll();
        var current = current();
        var group = form().userGroup.getValue();
        if (group == null || group.equals(current.userGroup())) {
            return;
        }
        String key;
        if (fees.changeOfUseCostsTheYearlyFee(current.id(), group)) {
            key = "edit.use.professional-fee";
        } else if (fees.isProfessional(group)) {
            key = "edit.use.professional-next";
        } else if (fees.isProfessional(current.userGroup())) {
            key = "edit.use.private";
        } else {
            key = "edit.use.other";
        }
        var text = new Paragraph(getTranslation(key, group));
        text.setId("edit-use-text");
        useChange.add(text);
    }

    private void save() {
        var current = current();
        var draft = form().draft();
        var group = draft.userGroup();
        try {
            if (changesOfUse.isChangeOfUse(current, draft)
                    && group != null
                    && fees.changeOfUseCostsTheYearlyFee(current.id(), group)) {
                var due = changesOfUse.fee(current.id(), group);
                if (due.stream().anyMatch(f -> f.isOpen())) {
                    showFee(group);
                    return;
                }
            }
            var saved = changesOfUse.change(current.id(), current.version(), draft);
            DeskMessages.success(getTranslation("edit.saved", saved.primaryIdentifier()));
            getUI().ifPresent(ui -> ui.navigate("patrons/" + saved.id()));
        } catch (FeesDueException e) {
            showFee(Objects.requireNonNull(group));
        } catch (PatronRuleException e) {
            var unplaced = form().showErrors(e.violations());
            if (unplaced.isEmpty()) {
                DeskMessages.error(this, getTranslation("validation.fix-fields"));
            } else {
                DeskMessages.violations(this, unplaced);
            }
        } catch (OptimisticLockingFailureException e) {
            changedMeanwhile(draft);
        }
    }

    /** The professional yearly fee to take before the change is made; once settled, the change is saved. */
    private void showFee(String group) {
        useChange.removeAll();
        var text = new Paragraph(getTranslation("edit.use.professional-fee", group));
        text.setId("edit-use-text");
        var language = current().preferredLanguage() == null
                ? Locale.FRENCH
                : Objects.requireNonNull(current().preferredLanguage()).locale();
        var panel = new FeePanel(fees, () -> DeskSite.current(settings).code(), language, this::afterFee);
        panel.show(changesOfUse.fee(current().id(), group));
        useChange.add(text, panel);
    }

    private void afterFee() {
        var group = form().userGroup.getValue();
        if (group != null && changesOfUse.fee(current().id(), group).stream().noneMatch(f -> f.isOpen())) {
            save();
        }
    }

    /**
     * Someone saved the record since it was opened: nothing is overwritten. The form keeps what was
     * typed; the fields the colleague changed are named, and the next save applies to their version.
     */
    private void changedMeanwhile(PatronDraft typed) {
        var before = current().draft();
        var now = patrons.details(current().id());
        this.patron = now;
        var changed = new ArrayList<String>();
        var after = now.draft();
        compare(changed, "patron.firstName", before.firstName(), after.firstName());
        compare(changed, "patron.lastName", before.lastName(), after.lastName());
        compare(changed, "patron.gender", before.gender(), after.gender());
        compare(changed, "patron.birthDate", before.birthDate(), after.birthDate());
        compare(changed, "patron.preferredLanguage", before.preferredLanguage(), after.preferredLanguage());
        compare(changed, "patron.userGroup", before.userGroup(), after.userGroup());
        compare(changed, "patron.jobCategory", before.jobCategory(), after.jobCategory());
        compare(changed, "patron.jobDescription", before.jobDescription(), after.jobDescription());
        compare(
                changed,
                "patron.resourceSharingLibrary",
                before.resourceSharingLibrary(),
                after.resourceSharingLibrary());
        meanwhile.setText(getTranslation(
                "edit.changed-meanwhile",
                changed.isEmpty() ? getTranslation("edit.changed-meanwhile.other") : String.join(" · ", changed)));
        meanwhile.setVisible(true);
        DeskMessages.error(this, getTranslation("edit.changed-meanwhile.short"));
        explainUse();
        form().show(typed.withExpirationDate(null));
    }

    private void compare(ArrayList<String> changed, String labelKey, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(getTranslation(labelKey) + " (" + (before == null ? "—" : before) + " → "
                    + (after == null ? "—" : after) + ")");
        }
    }

    private PatronForm form() {
        return Objects.requireNonNull(form, "No form shown");
    }

    private PatronDetails current() {
        return Objects.requireNonNull(patron, "No patron shown");
    }

    @Override
    public String getPageTitle() {
        return (patron == null ? "" : patron.primaryIdentifier() + " · ") + getTranslation("app.name");
    }
}
