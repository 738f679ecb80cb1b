package be.uliege.library.registration.card.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.desk.ui.QueueView;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-CARD-5 without a browser: the public page activates a demo card with its code, keeps what was
 * typed after a refusal, and says why in the visitor's language — how long to wait, and until when,
 * after too many wrong codes; the desk's queue shows the alert raised when many identifiers get
 * wrong codes.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class CardActivationViewIT extends SpringBrowserlessTest {

    @Autowired
    Cards cards;

    @Autowired
    PatronService patrons;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDemoCardIsActivatedWithItsCode_aWrongCodeIsRefusedAndTheFieldsKept() {
        // B100005 is printed, not activated, code 1962 (the README lists it); other tests may not touch it.
        var patronId = jdbc.queryForObject("select id from patron where primary_identifier = 'B100005'", Long.class);
        assertThat(cards.current(patronId))
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(Cards.Status.PRINTED));

        navigate(CardActivationView.class);
        var identifier = $(TextField.class).withId("card-identifier").single();
        var code = $(TextField.class).withId("card-code").single();
        test(identifier).setValue("B100005");
        test(code).setValue("1963");
        test($(Button.class).withId("card-activate").single()).click();
        var result = $(Paragraph.class).withId("card-result").single();
        assertThat(result.getText()).isEqualTo(translate("card.activation.WRONG"));
        assertThat(identifier.getValue()).isEqualTo("B100005");
        assertThat(code.getValue()).isEqualTo("1963");

        test(code).setValue("12");
        test($(Button.class).withId("card-activate").single()).click();
        assertThat(code.isInvalid())
                .as("four digits, said before asking the server")
                .isTrue();

        test(code).setValue("1962");
        test($(Button.class).withId("card-activate").single()).click();
        assertThat(result.getText()).isEqualTo(translate("card.activation.ACTIVATED"));
        assertThat(cards.current(patronId).orElseThrow().status()).isEqualTo(Cards.Status.ACTIVE);
    }

    @Test
    void afterTooManyWrongCodes_thePageSaysHowLongToWaitAndUntilWhen() {
        var unknown = "ZZ" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        navigate(CardActivationView.class);
        test($(TextField.class).withId("card-identifier").single()).setValue(unknown);
        var result = $(Paragraph.class).withId("card-result").single();
        for (int n = 0; n < 5; n++) {
            test($(TextField.class).withId("card-code").single()).setValue(String.format("%04d", n));
            test($(Button.class).withId("card-activate").single()).click();
            assertThat(result.getText()).isEqualTo(translate("card.activation.WRONG"));
        }
        test($(Button.class).withId("card-activate").single()).click();
        var expected = translate("card.activation.DELAYED.page", 1, "§").split("§");
        assertThat(result.getText()).matches(Pattern.quote(expected[0]) + "\\d{2}:\\d{2}" + Pattern.quote(expected[1]));
        assertThat(result.getClassName()).isEqualTo("error-text");
    }

    @Test
    void wrongCodesForManyIdentifiers_showAnAlertOnTheDesksQueue() {
        for (int n = 0; n < 21; n++) {
            var unknown =
                    "ZY" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            cards.activate(unknown, "0000", "192.0.2." + n);
        }
        var alert = cards.activationAlert().orElseThrow();
        navigate(QueueView.class);
        var notice = $(Paragraph.class).withId("card-activation-alert").single();
        assertThat(notice.getText())
                .contains(String.valueOf(alert.identifiers()))
                .startsWith(translate("card.activation.alert", alert.identifiers(), "§")
                        .split("§")[0]);
    }

    private static String translate(String key, Object... args) {
        return I18NProvider.translate(key, args);
    }
}
