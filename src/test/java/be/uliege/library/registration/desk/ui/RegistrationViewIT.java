package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-4…6, R-FEE-1 without a browser: once the registration step is done, the screen — built
 * anew, as after a reload — shows it done from the database (identity document, the fee paid once
 * with its receipt, directory account and welcome mail) and leads to the card; running the step
 * again is a separate action that says what it does, and charges nothing.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class RegistrationViewIT extends SpringBrowserlessTest {

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

    /** A pre-registration validated at the desk, its card fee paid: ready for the registration step. */
    long paidFor(String last) {
        return DeskFixtures.readyForRegistration(registrations, jdbc, validation, patrons, fees, "Clara", last);
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterTheStep_theScreenShowsItDone_evenBuiltAnew_andLeadsToTheCard() {
        var id = paidFor("Inscrite-Vue");
        navigate("registration/" + id, RegistrationView.class);
        test($(Button.class).withId("registration-run").single()).click();
        var password = $(Pre.class).withId("slip-password").single().getText();
        test($(Button.class).withId("slip-done").single()).click();

        for (var screen : List.of("after the step", "built anew")) {
            if (screen.equals("built anew")) {
                navigate("registration/" + id, RegistrationView.class);
            }
            assertThat($(Paragraph.class).withId("registration-done").single().getText())
                    .as(screen)
                    .contains("operator")
                    .contains(siteName());
            assertThat($(Paragraph.class).withId("identity-done").single().getText())
                    .as(screen)
                    .contains(translate("desk.identity.BELGIAN_ID_CARD"))
                    .contains("operator");
            // The fee, once, paid, with its receipt to open again.
            Grid<FeeLine> grid = $(Grid.class).withId("fees-grid").single();
            assertThat(grid.getGenericDataView().getItems().toList())
                    .as(screen)
                    .singleElement()
                    .satisfies(f -> assertThat(f.receiptNumber()).startsWith("ALP-"));
            assertThat($(Anchor.class).withId("receipt-pdf").single().getText()).contains("ALP-");
            assertThat($(Button.class).withId("fees-pay").all()).isEmpty();
            assertThat($(Button.class).withId("fees-charge").all())
                    .as(screen + ": no new fee offered")
                    .isEmpty();
            assertThat(allText())
                    .doesNotContain(translate("registration.fees.charge"))
                    .doesNotContain(translate("registration.fees.none"));
            // The directory account and the welcome mail, as they stand.
            assertThat($(Paragraph.class).withId("progress-account").single().getText())
                    .isNotBlank();
            assertThat($(Paragraph.class).withId("progress-mail").single().getText())
                    .startsWith(translate("registration.progress.mail.SENT").substring(0, 10));
            // Next: the card, the one primary action; running the step again is not one.
            assertThat($(Button.class).withId("registration-run").all())
                    .as(screen)
                    .isEmpty();
            var primary = $(Button.class).all().stream()
                    .filter(b -> b.hasThemeName(ButtonVariant.LUMO_PRIMARY.getVariantName()))
                    .toList();
            assertThat(primary).extracting(Button::getId).containsExactly(Optional.of("registration-to-card"));
            assertThat($(Button.class)
                            .withId("registration-rerun")
                            .single()
                            .hasThemeName(ButtonVariant.LUMO_PRIMARY.getVariantName()))
                    .isFalse();
        }

        // Running it again: a dialog says what it does, asks for the identity document, charges nothing.
        test($(Button.class).withId("registration-rerun").single()).click();
        assertThat($(Paragraph.class).withId("rerun-what").single().getText())
                .isEqualTo(translate("registration.rerun.what"));
        assertThat($(Paragraph.class).withId("rerun-fee").single().getText()).contains("ALP-");
        test($(Button.class).withId("rerun-confirm").single()).click();
        var document = (Select<IdentityDocument>)
                $(Select.class).withId("identity-document").single();
        assertThat(document.isInvalid())
                .as("the identity document is asked for again")
                .isTrue();
        assertThat($(Pre.class).withId("slip-password").all()).isEmpty();
        test(document).selectItem(translate("desk.identity.PASSPORT"));
        test($(Button.class).withId("rerun-confirm").single()).click();
        var again = $(Pre.class).withId("slip-password").single().getText();
        assertThat(again).isNotEqualTo(password);
        test($(Button.class).withId("slip-done").single()).click();

        assertThat(fees.forPatron(id)).hasSize(1);
        assertThat($(Paragraph.class).withId("identity-done").single().getText())
                .contains(translate("desk.identity.PASSPORT"));
        assertThat($(Button.class).withId("registration-to-card").single().isEnabled())
                .isTrue();
        test($(Button.class).withId("registration-to-card").single()).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CardView");
    }

    @Test
    void beforeTheStep_theFeesAndTheActivationAreOffered_asBefore() {
        var id = paidFor("Pas-Encore-Activée");
        navigate("registration/" + id, RegistrationView.class);
        assertThat($(Paragraph.class).withId("registration-done").all()).isEmpty();
        assertThat($(Button.class)
                        .withId("registration-run")
                        .single()
                        .hasThemeName(ButtonVariant.LUMO_PRIMARY.getVariantName()))
                .isTrue();
        assertThat($(Button.class).withId("registration-to-card").all()).isEmpty();
    }

    private String siteName() {
        return "Bibliothèque ALPHA";
    }

    private String allText() {
        return getCurrentView().getElement().getTextRecursively();
    }

    private static String translate(String key) {
        return I18NProvider.translate(key);
    }
}
