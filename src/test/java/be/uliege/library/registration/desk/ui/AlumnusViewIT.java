package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-CNV-2 and R-DESK-1 without a browser: at the walk-in, a former student's card offers
 * "former student → alumnus" — disabled, with the reason, to an operator; a desk manager is asked
 * the year of the last degree, told in words beside the field what is wrong with a year that is
 * not one (what was typed stays), then sees the one take-over dialog named for an alumnus.
 */
@SpringBootTest
@WithMockUser(
        username = "manager",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
class AlumnusViewIT extends SpringBrowserlessTest {

    @Autowired
    PatronService patrons;

    @Autowired
    Patrons patronRecords;

    @Autowired
    Fees fees;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    JdbcTemplate jdbc;

    PatronDetails formerStudent(String first, String last, LocalDate birth) {
        for (int attempt = 0; ; attempt++) {
            var identifier =
                    "S" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            try {
                return SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                        identifier,
                        new PatronDraft(
                                first,
                                last,
                                Gender.F,
                                birth,
                                Language.FRE,
                                "Étudiant ULiège",
                                "Étudiant ULiège",
                                null,
                                null,
                                LibraryDay.today().minusYears(2),
                                null,
                                List.of(ContactDraft.email(
                                        "s." + UUID.randomUUID().toString().substring(0, 8) + "@student.uliege.be",
                                        ContactUsage.WORK))),
                        PatronStatus.INACTIVE,
                        PatronRules.Actor.LOAD));
            } catch (PatronRuleException e) {
                if (attempt > 20 || !e.violations().getFirst().code().equals("identifier.taken")) {
                    throw e;
                }
            }
        }
    }

    /** The walk-in screen filled in for the former student's person and searched. */
    @SuppressWarnings("unchecked")
    void walkInFor(PatronDetails former) {
        navigate(WalkInView.class);
        $(TextField.class).withId("form-firstName").single().setValue(former.firstName());
        $(TextField.class).withId("form-lastName").single().setValue(former.lastName());
        ((Select<Gender>) $(Select.class).withId("form-gender").single()).setValue(Gender.F);
        $(DatePicker.class).withId("form-birthDate").single().setValue(former.birthDate());
        ((ComboBox<String>) $(ComboBox.class).withId("form-jobCategory").single()).setValue("Aucun");
        $(EmailField.class)
                .withId("form-email")
                .single()
                .setValue("alumna." + UUID.randomUUID().toString().substring(0, 8) + "@example.be");
        $(TextField.class).withId("form-phone").single().setValue("0471 98 76 54");
        $(TextField.class).withId("form-street").single().setValue("Quai de la Batte 10");
        $(TextField.class).withId("form-postalCode").single().setValue("4000");
        $(TextField.class).withId("form-city").single().setValue("Liège");
        ((Select<IdentityDocument>) $(Select.class).withId("identity-document").single())
                .setValue(IdentityDocument.BELGIAN_ID_CARD);
        test($(Button.class).withId("walk-in-search").single()).click();
    }

    Button alumnusButton(String identifier) {
        var card = $(Div.class).withClassName("candidate").all().stream()
                .filter(d -> d.getElement().getTextRecursively().contains(identifier))
                .findFirst()
                .orElseThrow();
        return $(Button.class).from(card).withClassName("take-over-alumnus").single();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).replaceAll("[\\d-]", "k");
    }

    @Test
    @WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
    void rDesk1_anOperatorSeesTheAlumnusConversionDisabled_withTheReason() {
        var former = formerStudent("Paule", "Ancienne-" + tag(), LocalDate.of(1994, 2, 3));
        walkInFor(former);
        var alumnus = alumnusButton(former.primaryIdentifier());
        assertThat(alumnus.getText()).isEqualTo(translate("validation.alumnus"));
        assertThat(alumnus.isEnabled()).isFalse();
        assertThat(alumnus.getTooltip().getText()).isEqualTo(translate("validation.convert.manager-only"));
    }

    @Test
    void rCnv2_theManagerIsAskedTheYear_aWrongOneIsSaidInWords_thenTheRecordBecomesAnAlumnus() {
        var former = formerStudent("Rosine", "Alumna-" + tag(), LocalDate.of(1995, 6, 8));
        walkInFor(former);
        test(alumnusButton(former.primaryIdentifier())).click();

        var yearDialog = $(Dialog.class).withId("alumnus-year-dialog").single();
        assertThat(yearDialog.isOpened()).isTrue();
        assertThat(yearDialog.getHeaderTitle()).isEqualTo(translate("alumnus.title", former.primaryIdentifier()));
        var year = $(TextField.class).withId("alumnus-year").single();
        var next = $(Button.class).withId("alumnus-year-continue").single();
        for (var hostile : List.of("2020<script>", "99999", "", "1600")) {
            year.setValue(hostile);
            test(next).click();
            assertThat(year.isInvalid()).as("year %s", hostile).isTrue();
            assertThat(year.getValue()).as("what was typed stays").isEqualTo(hostile);
            assertThat(yearDialog.isOpened()).isTrue();
        }
        assertThat(year.getErrorMessage())
                .isEqualTo(translate(
                        "rule.alumnus-year.range",
                        "1817",
                        String.valueOf(LibraryDay.today().getYear())));
        year.setValue("2020<script>");
        test(next).click();
        assertThat(year.getErrorMessage()).isEqualTo(translate("rule.alumnus-year.digits"));
        assertThat($(Dialog.class).withId("takeover-dialog").all()).isEmpty();

        // Arabic-Indic digits are the same year.
        year.setValue("٢٠٢٠");
        test(next).click();
        assertThat(yearDialog.isOpened()).isFalse();
        var dialog = $(Dialog.class).withId("takeover-dialog").single();
        assertThat(dialog.getHeaderTitle()).isEqualTo(translate("takeover.title.alumnus", former.primaryIdentifier()));
        assertThat($(NativeTableRow.class)
                        .withId("takeover-row-JOB_DESCRIPTION")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Alumni 2020");
        assertThat($(NativeTableRow.class)
                        .withId("takeover-row-JOB_CATEGORY")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Étudiant ULiège → Alumni ULiège");
        var confirm = $(Button.class).withId("takeover-confirm").single();
        assertThat(confirm.getText()).isEqualTo(translate("takeover.confirm.alumnus", former.primaryIdentifier()));
        test(confirm).click();

        var saved = patrons.details(former.id());
        assertThat(saved.kind()).isEqualTo(PatronKind.B);
        assertThat(saved.jobCategory()).isEqualTo("Alumni ULiège");
        assertThat(saved.jobDescription()).isEqualTo("Alumni 2020");
        assertThat(saved.userGroup()).isEqualTo("Extérieur");
        assertThat(fees.registrationFees(former.id()))
                .singleElement()
                .satisfies(fee -> assertThat(fee.amount()).isEqualByComparingTo("5.00"));
        assertThat(getCurrentView()).isInstanceOf(RegistrationView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void rCnv2_theValidationScreenOffersItToo_andThePreRegistrationIsTakenOver() {
        var tag = tag();
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Yvette", "Promue-" + tag, Use.PRIVATE);
        var birth = patrons.details(entry.patronId()).birthDate();
        var former = formerStudent("Yvette", "Promue-" + tag, birth);
        navigate("queue/entry/" + entry.id(), ValidationView.class);
        ((Select<IdentityDocument>) $(Select.class).withId("identity-document").single())
                .setValue(IdentityDocument.PASSPORT);
        test(alumnusButton(former.primaryIdentifier())).click();
        $(TextField.class).withId("alumnus-year").single().setValue("20 19");
        test($(Button.class).withId("alumnus-year-continue").single()).click();
        var dialog = $(Dialog.class).withId("takeover-dialog").single();
        assertThat(dialog.getHeaderTitle()).isEqualTo(translate("takeover.title.alumnus", former.primaryIdentifier()));
        test($(Button.class).withId("takeover-confirm").single()).click();

        var saved = patrons.details(former.id());
        assertThat(saved.jobCategory()).isEqualTo("Alumni ULiège");
        assertThat(saved.jobDescription()).isEqualTo("Alumni 2019");
        assertThat(saved.lastName()).isEqualTo("Promue-" + tag);
        assertThat(jdbc.queryForObject("select count(*) from patron where id = ?", Integer.class, entry.patronId()))
                .as("the pre-registered record is gone: one record for the person")
                .isZero();
        assertThat(getCurrentView()).isInstanceOf(RegistrationView.class);
    }

    private static String translate(String key, Object... arguments) {
        return I18NProvider.translate(key, arguments);
    }
}
