package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-CNV-4, R-DESK-7 at the desk: a BX patron's registration screen says there is no login and lets
 * a desk manager extend the registration by a year; an operator sees the action, disabled, and why.
 */
@SpringBootTest
class BxExtensionViewIT extends SpringBrowserlessTest {

    @Autowired
    PatronService patrons;

    private PatronDetails bx() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "q");
        return DeskFixtures.as(
                "manager",
                () -> patrons.registerAtDesk(
                        PatronKind.BX,
                        new PatronDraft(
                                "Farida",
                                "Cabinet-" + tag,
                                Gender.F,
                                LocalDate.of(1975, 11, 2),
                                Language.FRE,
                                "Usager BX - PIB",
                                "Aucun",
                                "Cabinet médical",
                                "PIB: Interlibrary Loan Services",
                                null,
                                null,
                                List.of(
                                        ContactDraft.email("cabinet." + tag + "@example.be", ContactUsage.WORK),
                                        ContactDraft.phone("04 342 11 22", ContactUsage.WORK),
                                        ContactDraft.address("Rue Saint-Gilles 30", "4000", "Liège", "BE")))),
                Roles.DESK_OPERATOR,
                Roles.DESK_MANAGER);
    }

    @Test
    @WithMockUser(
            username = "manager",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
    @DisplayName("R-CNV-4, R-DESK-7: a manager extends a BX patron by a year from the registration screen")
    void aManagerExtendsABxPatron() {
        var bx = bx();
        navigate("registration/" + bx.id(), RegistrationView.class);
        assertThat($(Paragraph.class).withId("bx-no-login").single().getText())
                .isEqualTo(I18NProvider.translate("rule.registration.bx-never"));
        test($(Button.class).withId("bx-extend").single()).click();
        assertThat(patrons.details(bx.id()).expirationDate())
                .isEqualTo(LibraryDay.today().plusYears(1));
        assertThat($(Paragraph.class).withId("bx-until").single().getText())
                .contains(String.valueOf(LibraryDay.today().plusYears(1).getYear()));
    }

    @Test
    @WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
    @DisplayName("R-DESK-1: an operator sees the BX extension disabled, with the reason")
    void anOperatorSeesItDisabled() {
        var bx = bx();
        navigate("registration/" + bx.id(), RegistrationView.class);
        assertThat($(Button.class).withId("bx-extend").single().isEnabled()).isFalse();
        assertThat($(Paragraph.class).withId("bx-manager-only").single().getText())
                .isEqualTo(I18NProvider.translate("renewal.bx.manager-only"));
    }
}
