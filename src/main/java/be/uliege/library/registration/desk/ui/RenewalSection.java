package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.desk.Renewals;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.fee.ui.FeePanel;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.ui.PatronPages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * R-DESK-7 at the desk: the renewal of a B patron registered before, shown instead of the first
 * registration. What it does (a year from today, a new password, the renewal mail, no card fee),
 * the contact information to check with the patron, the professional yearly fee when the group
 * pays it, the identity document, then the new password on its slip.
 */
final class RenewalSection extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    RenewalSection(
            Renewals renewals,
            Fees fees,
            PatronDetails patron,
            Supplier<String> site,
            Runnable showAgain,
            LocalDate today) {
        setPadding(false);
        setId("renewal");
        add(new H2(getTranslation("renewal.title")));
        var what = new Paragraph(getTranslation("renewal.what", DATE.format(today.plusYears(1))));
        what.setId("renewal-what");
        add(what);

        // "Pensez à vérifier les informations de contact" (the desk's own advice).
        var check = new Paragraph(getTranslation("renewal.contacts"));
        var contacts = new UnorderedList();
        contacts.setId("renewal-contacts");
        patron.contacts()
                .forEach(c -> contacts.add(new ListItem(
                        c.display() + (c.usedForLetters() ? " · " + getTranslation("renewal.contacts.letters") : ""))));
        add(check, contacts, new Anchor("patrons/" + patron.id(), getTranslation("renewal.contacts.edit")));

        var language = patron.preferredLanguage() == null
                ? Locale.FRENCH
                : patron.preferredLanguage().locale();
        if (!fees.renewalCostsTheYearlyFee(patron.id())) {
            var free = new Paragraph(getTranslation("renewal.fee.none"));
            free.setId("renewal-fee-none");
            add(free);
        } else if (fees.renewalFees(patron.id()).isEmpty()) {
            var charge = new Button(getTranslation("renewal.fee.charge"), e -> {
                fees.chargeRenewal(patron.id());
                showAgain.run();
            });
            charge.setId("renewal-fee-charge");
            add(charge);
        } else {
            var panel = new FeePanel(fees, site, language, showAgain);
            panel.show(fees.renewalFees(patron.id()));
            add(panel);
        }

        var document = new IdentityDocumentSelect();
        var renew = new Button(getTranslation("renewal.run"), e -> {
            if (!document.requireChosen()) {
                return;
            }
            try {
                var renewed = renewals.renew(patron.id(), patron.version(), document.getValue(), site.get());
                new PasswordSlip(renewed.account()).open();
                showAgain.run();
            } catch (FeesDueException ex) {
                DeskMessages.error(
                        this,
                        ex.total().signum() == 0
                                ? getTranslation("renewal.fee.undecided")
                                : getTranslation(
                                        "registration.fees.due", ex.total().toPlainString() + " €"));
            } catch (PatronRuleException ex) {
                DeskMessages.violations(this, ex.violations());
            } catch (OptimisticLockingFailureException ex) {
                PatronPages.changedMeanwhile(this, "patron.changed-meanwhile", showAgain);
            }
        });
        renew.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        renew.setId("renewal-run");
        var row = new HorizontalLayout(document, renew);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(row);
    }
}
