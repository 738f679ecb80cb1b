package be.uliege.library.registration.desk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-2 without a browser (docs/decisions/0007-confusable-input.md): a name written with
 * look-alike letters of another alphabet and an e-mail domain imitating the university's are named
 * in words on the validation screen as the operator types them.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class ConfusableFlagsIT extends SpringBrowserlessTest {

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void lookAlikeNameAndUniversityDomainAreFlaggedInWords() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "k");
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Sophie", "Confusable-" + tag, Use.PRIVATE);

        navigate("queue/entry/" + entry.id(), ValidationView.class);
        assertThat($(UnorderedList.class).withId("validation-suspicions").all())
                .as("an ordinary entry raises nothing: the list is hidden")
                .isEmpty();

        $(TextField.class).withId("form-lastName").single().setValue("Dup\u043Ent-" + tag);
        $(EmailField.class).withId("form-email").single().setValue("sophie." + tag + "@uli\u00E8ge.be");
        test($(Button.class).withId("search-again").single()).click();

        var list = $(UnorderedList.class).withId("validation-suspicions").single();
        assertThat(list.isVisible()).isTrue();
        assertThat($(ListItem.class).from(list).all())
                .extracting(ListItem::getText)
                .containsExactly(
                        I18NProvider.translate(SuspiciousData.Reason.NAME_LOOKALIKE.key()),
                        I18NProvider.translate(SuspiciousData.Reason.EMAIL_LOOKALIKE.key()));
    }
}
