package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import java.sql.Date;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-7 at the desk, without a browser: an expired B patron's registration screen offers the
 * renewal, never the first registration again (no card fee, no "fixer les frais"); it shows the
 * contact information to check, says a private renewal is free, and gives the new password once.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class RenewalViewIT extends SpringBrowserlessTest {

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
    @DisplayName("R-DESK-7: an expired patron's screen renews, free for private use, with the password slip")
    @SuppressWarnings("unchecked")
    void rDesk7_anExpiredPatronIsRenewedFromTheRegistrationScreen() {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Siobhán", "Ó Briain-Prolongée");
        navigate("registration/" + id, RegistrationView.class);
        test($(Button.class).withId("registration-run").single()).click();
        test($(Button.class).withId("slip-done").single()).click();
        jdbc.update(
                "update patron set expiration_date = ? where id = ?",
                Date.valueOf(LibraryDay.today().minusDays(3)),
                id);
        long feesBefore = fees.forPatron(id).size();

        navigate("registration/" + id, RegistrationView.class);
        assertThat($(Button.class).withId("fees-charge").all())
                .as("no first registration again")
                .isEmpty();
        assertThat($(Button.class).withId("registration-run").all()).isEmpty();
        assertThat($(Paragraph.class).withId("renewal-fee-none").single().getText())
                .isEqualTo(I18NProvider.translate("renewal.fee.none"));
        var contacts = $(UnorderedList.class).withId("renewal-contacts").single();
        assertThat(contacts.getChildren().map(c -> ((ListItem) c).getText()))
                .anyMatch(t -> t.startsWith("Rue de la Cathédrale 12"))
                .hasSizeGreaterThanOrEqualTo(3);

        test($(Button.class).withId("renewal-run").single()).click();
        var document = (Select<IdentityDocument>)
                $(Select.class).withId("identity-document").single();
        assertThat(document.isInvalid()).as("the identity document first").isTrue();
        test(document).selectItem(I18NProvider.translate("desk.identity.BELGIAN_ID_CARD"));
        test($(Button.class).withId("renewal-run").single()).click();

        assertThat($(Pre.class).withId("slip-password").single().getText()).isNotBlank();
        test($(Button.class).withId("slip-done").single()).click();
        assertThat(patrons.details(id).expirationDate())
                .isEqualTo(LibraryDay.today().plusYears(1));
        assertThat(fees.forPatron(id)).hasSize((int) feesBefore);
        assertThat($(Button.class).withId("registration-to-card").all())
                .as("the registration in force again, with its way to the card")
                .hasSize(1);
    }

    @Test
    @DisplayName("R-DESK-7: within 30 days of the expiry, the registration in force may be renewed now")
    @SuppressWarnings("unchecked")
    void rDesk7_aRegistrationExpiringSoonMayBeRenewedEarly() {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Tomasz", "Wiśniewski-Tôt");
        navigate("registration/" + id, RegistrationView.class);
        test($(Button.class).withId("registration-run").single()).click();
        test($(Button.class).withId("slip-done").single()).click();
        assertThat($(Button.class).withId("renewal-early").all())
                .as("a year ahead: nothing to renew yet")
                .isEmpty();

        jdbc.update(
                "update patron set expiration_date = ? where id = ?",
                Date.valueOf(LibraryDay.today().plusDays(10)),
                id);
        jdbc.update(
                "update registration set expiration_date = ? where patron_id = ?",
                Date.valueOf(LibraryDay.today().plusDays(10)),
                id);
        navigate("registration/" + id, RegistrationView.class);
        test($(Button.class).withId("renewal-early").single()).click();
        var document = (Select<IdentityDocument>)
                $(Select.class).withId("identity-document").single();
        test(document).selectItem(I18NProvider.translate("desk.identity.PASSPORT"));
        test($(Button.class).withId("renewal-run").single()).click();
        assertThat($(Pre.class).withId("slip-password").single().getText()).isNotBlank();
        test($(Button.class).withId("slip-done").single()).click();
        assertThat(patrons.details(id).expirationDate())
                .isEqualTo(LibraryDay.today().plusYears(1));
    }
}
