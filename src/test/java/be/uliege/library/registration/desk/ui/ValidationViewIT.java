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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-2/3 without a browser: the entry's suspicious data are named in words beside the data,
 * and they follow the operator's corrections.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class ValidationViewIT extends SpringBrowserlessTest {

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void suspiciousDataAreNamed_andGoneOnceCorrected() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "k");
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Sophie", "CAPITALES" + tag.toUpperCase(), Use.PRIVATE);

        navigate("queue/entry/" + entry.id(), ValidationView.class);
        var list = $(UnorderedList.class).withId("validation-suspicions").single();
        assertThat(list.isVisible()).isTrue();
        assertThat($(ListItem.class).from(list).all())
                .extracting(ListItem::getText)
                .containsExactly(getTranslation(SuspiciousData.Reason.NAME_CASE.key()));

        $(TextField.class).withId("form-lastName").single().setValue("Capitales-" + tag);
        test($(Button.class).withId("search-again").single()).click();
        assertThat(list.isVisible())
                .as("the corrected name no longer stands out")
                .isFalse();
        assertThat($(ListItem.class).from(list).all()).isEmpty();
    }

    private static String getTranslation(String key) {
        return I18NProvider.translate(key);
    }
}
