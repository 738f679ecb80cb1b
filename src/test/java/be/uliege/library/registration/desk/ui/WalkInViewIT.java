package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-5 without a browser: a walk-in's record can be made only after a search on the data as
 * it is; the record found is shown with its reasons; a change after the search asks for a new one.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class WalkInViewIT extends SpringBrowserlessTest {

    @Autowired
    PatronService patrons;

    @Autowired
    IdentityChecks identityChecks;

    @Autowired
    Fees fees;

    @Test
    @SuppressWarnings("unchecked")
    void theNewRecordIsMadeOnlyAfterASearchOnTheDataAsItIs() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "q");
        var email = "walkin." + tag + "@example.be";
        // Someone known with the same e-mail: an expired patron, for instance.
        var known = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Hugo",
                        "Connu-" + tag,
                        Gender.M,
                        LocalDate.of(1975, 3, 9),
                        Language.FRE,
                        "Extérieur",
                        "retraité",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(email, ContactUsage.PERSONAL),
                                ContactDraft.phone("0470 11 22 33", ContactUsage.MOBILE),
                                ContactDraft.address("Rue Haute 4", "4000", "Liège", "BE"))));

        navigate(WalkInView.class);
        var create = $(Button.class).withId("walk-in-create").single();
        assertThat(create.isEnabled()).as("no record before the search").isFalse();
        $(TextField.class).withId("form-firstName").single().setValue("Iris");
        $(TextField.class).withId("form-lastName").single().setValue("Nouvelle-" + tag);
        ((Select<Gender>) $(Select.class).withId("form-gender").single()).setValue(Gender.F);
        $(DatePicker.class).withId("form-birthDate").single().setValue(LocalDate.of(1992, 11, 2));
        ((ComboBox<String>) $(ComboBox.class).withId("form-jobCategory").single()).setValue("enseignant");
        $(EmailField.class).withId("form-email").single().setValue(email);
        $(TextField.class).withId("form-phone").single().setValue("0471 98 76 54");
        $(TextField.class).withId("form-street").single().setValue("Quai de la Batte 10");
        $(TextField.class).withId("form-postalCode").single().setValue("4000");
        $(TextField.class).withId("form-city").single().setValue("Liège");
        ((Select<IdentityDocument>) $(Select.class).withId("identity-document").single())
                .setValue(IdentityDocument.PASSPORT);

        test($(Button.class).withId("walk-in-search").single()).click();
        assertThat(create.isEnabled()).isTrue();
        var cards = $(Div.class).withClassName("candidate").all();
        assertThat(cards)
                .anySatisfy(card -> assertThat(card.getElement().getTextRecursively())
                        .contains(known.primaryIdentifier())
                        .contains(getTranslation("duplicate.reason.SAME_EMAIL")));

        // A change after the search: the record is not made, a new search is asked for.
        $(TextField.class).withId("form-phone").single().setValue("0471 98 76 55");
        test(create).click();
        assertThat($(Paragraph.class).withId("walk-in-search-state").single().getText())
                .isEqualTo(getTranslation("walk-in.search-again"));
        assertThat(patrons.search("Nouvelle-" + tag).patrons()).isEmpty();

        test($(Button.class).withId("walk-in-search").single()).click();
        test($(Button.class).withId("walk-in-create").single()).click();
        var made = patrons.search("Nouvelle-" + tag).patrons();
        assertThat(made).singleElement().satisfies(p -> {
            assertThat(p.primaryIdentifier()).matches("B\\d{6}").doesNotStartWith("B95");
            assertThat(p.status()).isEqualTo(PatronStatus.INACTIVE);
            assertThat(fees.registrationFees(p.id()))
                    .singleElement()
                    .satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("5.00"));
            assertThat(identityChecks.identityChecks(p.id()))
                    .extracting(IdentityChecks.IdentityCheck::document)
                    .containsExactly(IdentityDocument.PASSPORT);
        });
        assertThat($(H1.class).single().getText()).contains(made.getFirst().primaryIdentifier());
    }

    /**
     * R-CNV-1: converting a former student is a desk manager's task. An operator sees the action
     * disabled, with the reason, before clicking; a manager has it enabled.
     */
    @Test
    void theConversionOfAFormerStudentIsOfferedToAManagerOnly() {
        assertThat(conversionButtonFor())
                .satisfies(button -> assertThat(button.isEnabled()).isFalse());
        assertThat($(Paragraph.class).withClassName("take-over-manager-only").all())
                .extracting(Paragraph::getText)
                .contains(getTranslation("validation.convert.manager-only"));
    }

    @Test
    @WithMockUser(
            username = "manager",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
    void aManagerMayConvertAFormerStudent() {
        assertThat(conversionButtonFor())
                .satisfies(button -> assertThat(button.isEnabled()).isTrue());
    }

    /** The walk-in screen after a search for the demo's former student S201234, and her card's button. */
    private Button conversionButtonFor() {
        navigate(WalkInView.class);
        $(TextField.class).withId("form-firstName").single().setValue("Élodie");
        $(TextField.class).withId("form-lastName").single().setValue("Dupré");
        $(DatePicker.class).withId("form-birthDate").single().setValue(LocalDate.of(2003, 4, 12));
        test($(Button.class).withId("walk-in-search").single()).click();
        var card = $(Div.class).withClassName("candidate").all().stream()
                .filter(c -> c.getElement().getTextRecursively().contains("S201234"))
                .findFirst()
                .orElseThrow();
        return card.getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static String getTranslation(String key) {
        return I18NProvider.translate(key);
    }

    @Test
    void rCon4_theDeskSeesTheLocalitiesOfACodeInItsOwnLanguage() {
        UI.getCurrent().setLocale(Locale.of("nl"));
        navigate(WalkInView.class);
        var city = $(TextField.class).withId("form-city").single();
        $(TextField.class).withId("form-postalCode").single().setValue("4000");
        assertThat(city.getHelperText()).contains("Luik").doesNotContain("Liège");
        assertThat(city.getValue())
                .as("several localities: none chosen for the operator")
                .isEmpty();

        $(TextField.class).withId("form-postalCode").single().setValue("1030");
        assertThat(city.getValue())
                .as("the only locality of the code, in Dutch")
                .isEqualTo("Schaarbeek");
    }
}
