package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-8 at the desk, without a browser: from the registration done, "new password" asks for the
 * identity document, says that this directory cannot ask for a change at the next login, and shows
 * the new password once on its slip; the expiration date and the fees stay as they were.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class NewPasswordViewIT extends SpringBrowserlessTest {

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    PatronService patrons;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("R-DESK-8: a new password from the registration screen, shown once, after the identity document")
    @SuppressWarnings("unchecked")
    void rDesk8_aNewPasswordFromTheRegistrationScreen() {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Thi Hương", "Nguyễn-Mot-De-Passe");
        navigate("registration/" + id, RegistrationView.class);
        test($(Button.class).withId("registration-run").single()).click();
        var first = $(Pre.class).withId("slip-password").single().getText();
        test($(Button.class).withId("slip-done").single()).click();
        var expiration = patrons.details(id).expirationDate();

        test($(Button.class).withId("password-new").single()).click();
        assertThat($(Paragraph.class).withId("password-new-explain").single().getText())
                .isEqualTo(I18NProvider.translate("password.new.explain"));
        var mustChange = $(Checkbox.class).withId("password-new-must-change").single();
        assertThat(mustChange.isEnabled())
                .as("the embedded directory keeps no password policy")
                .isFalse();
        assertThat(mustChange.getHelperText())
                .isEqualTo(I18NProvider.translate("password.new.must-change-unavailable"));

        // The identity document first: nothing is issued without it.
        test($(Button.class).withId("password-new-issue").single()).click();
        var document = (Select<IdentityDocument>)
                $(Select.class).withId("identity-document").single();
        assertThat(document.isInvalid()).isTrue();
        assertThat($(Pre.class).withId("slip-password").all()).isEmpty();

        test(document).selectItem(I18NProvider.translate("desk.identity.RESIDENCE_PERMIT"));
        test($(Button.class).withId("password-new-issue").single()).click();
        var second = $(Pre.class).withId("slip-password").single().getText();
        assertThat(second).isNotEqualTo(first);
        test($(Button.class).withId("slip-done").single()).click();

        assertThat(patrons.details(id).expirationDate()).isEqualTo(expiration);
        assertThat(fees.forPatron(id)).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select document_type from identity_check where patron_id = ? order by id desc limit 1",
                        String.class,
                        id))
                .isEqualTo(IdentityDocument.RESIDENCE_PERMIT.name());
    }
}
