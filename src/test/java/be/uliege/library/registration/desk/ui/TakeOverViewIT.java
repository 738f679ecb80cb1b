package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronContacts;
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
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
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
 * R-DESK-3, R-CNV-1, R-DESK-1 without a browser: converting a former student is offered to a desk
 * manager only (shown disabled, with the reason, to an operator); the conversion goes through one
 * dialog that shows each change old → new and keeps the record's value unless the new one is
 * chosen; a comparison gone stale is refused and shown again. The candidates' facts are text.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class TakeOverViewIT extends SpringBrowserlessTest {

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    PatronService patrons;

    @Autowired
    Patrons patronRecords;

    @Autowired
    PatronContacts contacts;

    @Autowired
    JdbcTemplate jdbc;

    record Scene(DeskFixtures.Entry entry, PatronDetails former, String tag) {}

    /** A pre-registration typed "Muller-…" and the former student "Müller-…" born the same day. */
    Scene scene() {
        var tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("[\\d-]", "m");
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Greta", "Muller-" + tag, Use.PRIVATE);
        var birth = patrons.details(entry.patronId()).birthDate();
        return new Scene(entry, formerStudent("Greta", "Müller-" + tag, birth, "g." + tag + "@student.uliege.be"), tag);
    }

    PatronDetails formerStudent(String first, String last, LocalDate birth, String email) {
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
                                List.of(ContactDraft.email(email, ContactUsage.WORK))),
                        PatronStatus.INACTIVE,
                        PatronRules.Actor.LOAD));
            } catch (PatronRuleException e) {
                if (attempt > 20 || !e.violations().getFirst().code().equals("identifier.taken")) {
                    throw e;
                }
            }
        }
    }

    Div card(String identifier) {
        return $(Div.class).withClassName("candidate").all().stream()
                .filter(d -> d.getElement().getTextRecursively().contains(identifier))
                .findFirst()
                .orElseThrow();
    }

    Button sameAs(Div card) {
        return $(Button.class).from(card).withClassName("take-over").single();
    }

    @SuppressWarnings("unchecked")
    void chooseDocument() {
        ((Select<IdentityDocument>) $(Select.class).withId("identity-document").single())
                .setValue(IdentityDocument.BELGIAN_ID_CARD);
    }

    static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @Test
    void anOperatorSeesTheConversionDisabledWithTheReason_butMayTakeOverAnExternalRecord() {
        var scene = scene();
        var email = "b." + scene.tag() + "@example.be";
        var b = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Greta",
                        "Muller-" + scene.tag(),
                        Gender.F,
                        scene.former().birthDate(),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(email, ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 12 34 56", ContactUsage.MOBILE),
                                ContactDraft.address("Rue de la Cathédrale 12", "4000", "Liège", "BE"))));

        navigate("queue/entry/" + scene.entry().id(), ValidationView.class);

        var former = card(scene.former().primaryIdentifier());
        assertThat(sameAs(former).isEnabled())
                .as("conversion offered to an operator")
                .isFalse();
        assertThat(sameAs(former).getTooltip().getText()).isEqualTo(translate("validation.convert.manager-only"));
        assertThat($(Paragraph.class)
                        .from(former)
                        .withClassName("take-over-manager-only")
                        .single()
                        .getText())
                .isEqualTo(translate("validation.convert.manager-only"));
        var external = card(b.primaryIdentifier());
        assertThat(sameAs(external).isEnabled())
                .as("a B record's take-over is an operator's")
                .isTrue();
        assertThat($(Paragraph.class)
                        .from(external)
                        .withClassName("take-over-manager-only")
                        .all())
                .isEmpty();
        // The facts of a candidate are text in a description list, not fields.
        assertThat($(DescriptionList.class).from(former).single().getElement().getTextRecursively())
                .contains(translate("patron.status.INACTIVE"));
        assertThat($(TextField.class).from($(CandidateList.class).single()).all())
                .isEmpty();

        // The walk-in screen says the same.
        navigate(WalkInView.class);
        $(TextField.class).withId("form-firstName").single().setValue("Greta");
        $(TextField.class).withId("form-lastName").single().setValue("Muller-" + scene.tag());
        $(DatePicker.class)
                .withId("form-birthDate")
                .single()
                .setValue(scene.former().birthDate());
        test($(Button.class).withId("walk-in-search").single()).click();
        assertThat(sameAs(card(scene.former().primaryIdentifier())).isEnabled()).isFalse();
        assertThat(sameAs(card(b.primaryIdentifier())).isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(
            username = "manager",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
    void aManagerConvertsThroughOneDialog_keepingTheRecordsName() {
        var scene = scene();
        navigate("queue/entry/" + scene.entry().id(), ValidationView.class);
        var convert = sameAs(card(scene.former().primaryIdentifier()));
        assertThat(convert.isEnabled()).isTrue();
        chooseDocument();

        test(convert).click();

        var dialog = $(Dialog.class).withId("takeover-dialog").single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle())
                .isEqualTo(translate("takeover.title.convert", scene.former().primaryIdentifier()));
        var name = $(NativeTableRow.class).withId("takeover-row-LAST_NAME").single();
        assertThat(text(name))
                .contains("Müller-" + scene.tag() + " → Muller-" + scene.tag())
                .contains(translate("takeover.accents-only"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<TakeOverDialog.Choice> nameChoice = $(RadioButtonGroup.class)
                .from($(NativeTableCell.class)
                        .withId("takeover-choice-LAST_NAME")
                        .single())
                .single();
        assertThat(nameChoice.getValue())
                .as("the record's name, unless chosen otherwise")
                .isEqualTo(TakeOverDialog.Choice.KEEP);
        assertThat(text($(NativeTableRow.class)
                        .withId("takeover-row-PRIMARY_IDENTIFIER")
                        .single()))
                .contains(scene.former().primaryIdentifier() + " → " + translate("takeover.identifier.new"));
        assertThat(text($(NativeTableRow.class)
                        .withId("takeover-row-FORMER_IDENTIFIERS")
                        .single()))
                .contains(scene.former().primaryIdentifier())
                .contains(scene.entry().identifier());
        assertThat(text($(NativeTableRow.class)
                        .withId("takeover-row-USER_GROUP")
                        .single()))
                .contains("Étudiant ULiège → Extérieur")
                .contains(translate("takeover.forced", translate("rule.user-group.university-for-external")));
        // What the record lacks is added, nothing of it replaced.
        assertThat(text($(NativeTableRow.class).withId("takeover-row-PHONE").single()))
                .contains(translate("takeover.empty") + " → ")
                .contains(translate("takeover.added"));
        assertThat($(NativeTableRow.class)
                        .withId("takeover-row-STATUS")
                        .single()
                        .getClassNames())
                .contains("takeover-same");
        assertThat($(TextField.class).from(dialog).all())
                .as("no read-only field in the comparison")
                .isEmpty();
        var confirm = $(Button.class).withId("takeover-confirm").single();
        assertThat(confirm.getText())
                .isEqualTo(translate("takeover.confirm.convert", scene.former().primaryIdentifier()));
        // Nothing was written by opening the comparison.
        assertThat(patrons.details(scene.former().id()).version())
                .isEqualTo(scene.former().version());

        test(confirm).click();

        var saved = patrons.details(scene.former().id());
        assertThat(saved.lastName()).isEqualTo("Müller-" + scene.tag());
        assertThat(saved.kind()).isEqualTo(PatronKind.B);
        assertThat(saved.primaryIdentifier()).matches("B\\d{6}").doesNotStartWith("B95");
        assertThat(saved.identifiers())
                .contains(
                        new PatronDetails.Identifier(
                                IdentifierType.FORMER_PRIMARY, scene.former().primaryIdentifier()),
                        new PatronDetails.Identifier(
                                IdentifierType.FORMER_PRIMARY, scene.entry().identifier()));
        assertThat(saved.userGroup()).isEqualTo("Extérieur");
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    @WithMockUser(
            username = "manager",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
    void aComparisonGoneStaleIsRefused_shownAgainUpToDate_thenConfirmed() {
        var scene = scene();
        navigate("queue/entry/" + scene.entry().id(), ValidationView.class);
        chooseDocument();
        test(sameAs(card(scene.former().primaryIdentifier()))).click();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<TakeOverDialog.Choice> nameChoice = $(RadioButtonGroup.class)
                .from($(NativeTableCell.class)
                        .withId("takeover-choice-LAST_NAME")
                        .single())
                .single();
        nameChoice.setValue(TakeOverDialog.Choice.NEW);

        // A colleague changes the record while the dialog is open.
        var changed = contacts.addNote(scene.former().id(), scene.former().version(), "Vue au guichet de Sart Tilman");
        test($(Button.class).withId("takeover-confirm").single()).click();

        var dialog = $(Dialog.class).withId("takeover-dialog").single();
        assertThat(dialog.isOpened()).as("the operator decides again").isTrue();
        assertThat(text($(Div.class).withId("takeover-problems").single()))
                .isEqualTo(translate("takeover.stale", scene.former().primaryIdentifier()));
        var untouched = patrons.details(scene.former().id());
        assertThat(untouched.version()).isEqualTo(changed.version());
        assertThat(untouched.lastName()).isEqualTo("Müller-" + scene.tag());
        assertThat(untouched.primaryIdentifier()).isEqualTo(scene.former().primaryIdentifier());

        // The comparison shown again is up to date; the safe choice again, then confirmed.
        @SuppressWarnings("unchecked")
        RadioButtonGroup<TakeOverDialog.Choice> again = $(RadioButtonGroup.class)
                .from($(NativeTableCell.class)
                        .withId("takeover-choice-LAST_NAME")
                        .single())
                .single();
        assertThat(again.getValue()).isEqualTo(TakeOverDialog.Choice.KEEP);
        again.setValue(TakeOverDialog.Choice.NEW);
        test($(Button.class).withId("takeover-confirm").single()).click();
        assertThat(patrons.details(scene.former().id()).lastName())
                .as("the manager chose the typed name")
                .isEqualTo("Muller-" + scene.tag());
    }

    private static String translate(String key, Object... arguments) {
        return I18NProvider.translate(key, arguments);
    }
}
