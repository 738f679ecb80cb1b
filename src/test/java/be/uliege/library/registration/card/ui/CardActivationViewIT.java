package be.uliege.library.registration.card.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-CARD-5 without a browser: the public page activates a demo card with its code, keeps what was
 * typed after a refusal, and says why in the visitor's language.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class CardActivationViewIT extends SpringBrowserlessTest {

    @Autowired Cards cards;
    @Autowired PatronService patrons;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDemoCardIsActivatedWithItsCode_aWrongCodeIsRefusedAndTheFieldsKept() {
        // B100005 is printed, not activated, code 1962 (the README lists it); other tests may not touch it.
        var patronId = jdbc.queryForObject("select id from patron where primary_identifier = 'B100005'", Long.class);
        assertThat(cards.current(patronId)).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(Cards.Status.PRINTED));

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
        assertThat(code.isInvalid()).as("four digits, said before asking the server").isTrue();

        test(code).setValue("1962");
        test($(Button.class).withId("card-activate").single()).click();
        assertThat(result.getText()).isEqualTo(translate("card.activation.ACTIVATED"));
        assertThat(cards.current(patronId).orElseThrow().status()).isEqualTo(Cards.Status.ACTIVE);
    }

    private static String translate(String key) {
        return com.vaadin.flow.i18n.I18NProvider.translate(key);
    }
}
