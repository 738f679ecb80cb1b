package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.desk.RegistrationStep;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.ui.PatronView;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-REC-6, R-FEE-1 and R-EXT-2 at the desk, without a browser: the patron's screen leads to the
 * edit; a save goes back to the record changed; a change of use asks for its fee on the same
 * screen and is saved once it is paid; a colleague's change is named and never overwritten; the
 * contact items are edited and marked preferred from the record.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronEditViewIT extends SpringBrowserlessTest {

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    PatronService patrons;

    @Autowired
    RegistrationStep step;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    private long registered(String first, String last) {
        var id = DeskFixtures.readyForRegistration(registrations, jdbc, validation, patrons, fees, first, last);
        step.register(id, patrons.details(id).version(), "ALP");
        return id;
    }

    @Test
    @DisplayName("R-REC-6: a name corrected from the record's screen, back on the record")
    void rRec6_aNameIsCorrectedFromTheRecord() {
        var id = registered("Thi Thu", "Nguyenn");
        navigate("patrons/" + id, PatronView.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class)
                        .withId("patron-edit")
                        .single()
                        .getHref())
                .isEqualTo("patron-edit/" + id);

        navigate("patron-edit/" + id, PatronEditView.class);
        assertThat($(TextField.class).withId("form-phone").all())
                .as("contact items are edited on the record, one by one")
                .isEmpty();
        test($(TextField.class).withId("form-lastName").single()).setValue("Nguyen");
        test($(Button.class).withId("edit-save").single()).click();

        assertThat($(H1.class).withId("patron-title").single().getText()).startsWith("Thi Thu Nguyen ·");
        assertThat(patrons.details(id).lastName()).isEqualTo("Nguyen");
    }

    @Test
    @DisplayName("R-FEE-1: a change to professional use asks for the yearly fee, then saves once it is paid")
    @SuppressWarnings("unchecked")
    void rFee1_aChangeOfUseTakesTheFeeOnTheEditScreen() {
        var id = registered("Dimitri", "Papadopoulos");
        navigate("patron-edit/" + id, PatronEditView.class);
        var group =
                (ComboBox<String>) $(ComboBox.class).withId("form-userGroup").single();
        test(group).selectItem("Société, entreprise, profession juridique");
        assertThat($(Paragraph.class).withId("edit-use-text").single().getText())
                .contains("Société, entreprise, profession juridique");
        var category =
                (ComboBox<String>) $(ComboBox.class).withId("form-jobCategory").single();
        test(category).selectItem("SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE");
        test($(TextField.class).withId("form-jobDescription").single()).setValue("Papadopoulos Traductions SRL");
        test($(Button.class).withId("edit-save").single()).click();

        assertThat(patrons.details(id).userGroup())
                .as("not before the fee is paid")
                .isEqualTo("Extérieur");
        var pay = $(Button.class).withId("fees-pay").single();
        assertThat(pay.getText()).contains("50");
        test(pay).click();

        assertThat(patrons.details(id).userGroup()).isEqualTo("Société, entreprise, profession juridique");
        assertThat($(H1.class).withId("patron-title").single().getText()).startsWith("Dimitri Papadopoulos");
    }

    @Test
    @DisplayName("R-REC-6: a colleague's change meanwhile is named, nothing is overwritten, the typed value stays")
    void rRec6_aColleaguesChangeIsNamed_andTheTypedValueStays() {
        var id = registered("Ayşe", "Demir");
        navigate("patron-edit/" + id, PatronEditView.class);
        test($(TextField.class).withId("form-firstName").single()).setValue("Ayse");

        var now = patrons.details(id);
        var d = now.draft();
        patrons.update(
                id,
                now.version(),
                new PatronDraft(
                        d.firstName(),
                        "Demir-Kaya",
                        d.gender(),
                        d.birthDate(),
                        d.preferredLanguage(),
                        d.userGroup(),
                        d.jobCategory(),
                        d.jobDescription(),
                        d.resourceSharingLibrary(),
                        null,
                        null,
                        d.contacts()));
        test($(Button.class).withId("edit-save").single()).click();

        assertThat($(Paragraph.class).withId("edit-changed-meanwhile").single().getText())
                .contains("Demir-Kaya");
        assertThat($(TextField.class).withId("form-firstName").single().getValue())
                .isEqualTo("Ayse");
        assertThat(patrons.details(id).firstName()).isEqualTo("Ayşe");
        assertThat(patrons.details(id).lastName()).isEqualTo("Demir-Kaya");

        test($(Button.class).withId("edit-save").single()).click(); // saved knowingly, on their version
        var saved = patrons.details(id);
        assertThat(saved.firstName()).isEqualTo("Ayse");
    }

    @Test
    @DisplayName("R-EXT-2: a local item is edited and marked preferred from the record")
    void rExt2_aLocalItemIsEditedAndMarkedPreferredFromTheRecord() {
        var id = registered("Emeka", "Obi");
        navigate("patrons/" + id, PatronView.class);
        test($(Button.class).withId("add-contact").single()).click();
        test($(TextField.class).withId("contact-value").single()).setValue("emeka.obi.werk@example.be");
        test($(Button.class).withId("contact-save").single()).click();
        var added = patrons.details(id).contacts().stream()
                .filter(c -> c.display().equals("emeka.obi.werk@example.be"))
                .findFirst()
                .orElseThrow();
        assertThat(added.usedForLetters()).isFalse();

        action(added.id(), "contact-edit-").click();
        var value = $(TextField.class).withId("contact-value").single();
        assertThat(value.getValue()).isEqualTo("emeka.obi.werk@example.be");
        test(value).setValue("emeka.obi@uliege.be");
        test($(Button.class).withId("contact-save").single()).click();
        assertThat(value.isInvalid())
                .as("a university address is refused, what was typed stays")
                .isTrue();
        assertThat(value.getValue()).isEqualTo("emeka.obi@uliege.be");
        test(value).setValue("emeka.obi.work@example.be");
        test($(Button.class).withId("contact-save").single()).click();

        action(added.id(), "contact-prefer-").click();
        assertThat(patrons.details(id).contacts())
                .filteredOn(c -> c.kind() == ContactKind.EMAIL && c.usedForLetters())
                .extracting(c -> c.display())
                .containsExactly("emeka.obi.work@example.be");
    }

    /** The action button of a contact item, in the grid's actions column. */
    @SuppressWarnings("unchecked")
    private Button action(long itemId, String prefix) {
        var grid = (Grid<PatronDetails.Contact>)
                $(Grid.class).withId("patron-contacts").single();
        var items = grid.getGenericDataView().getItems().toList();
        int row = 0;
        while (items.get(row).id() != itemId) {
            row++;
        }
        var actions = test(grid).getCellComponent(row, grid.getColumns().size() - 1);
        return actions.getChildren()
                .filter(c -> c.getId().orElse("").equals(prefix + itemId))
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow();
    }
}
