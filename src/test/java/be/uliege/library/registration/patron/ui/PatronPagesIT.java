package be.uliege.library.registration.patron.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.card.ui.CardView;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.desk.ui.RegistrationView;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.PatronContacts;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 14, point 6: the desk screens open a patron by id one way (a record that does not exist
 * is said in words, with the way back to the search), share one desk site, and say "changed
 * meanwhile" the same way before showing the record as it is now.
 */
@SpringBootTest
@WithMockUser(
        username = "manager",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
class PatronPagesIT extends SpringBrowserlessTest {

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronContacts contacts;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PatronSettings settings;

    /** A pre-registration validated at the desk, its card fee paid: ready for the registration step. */
    private long paidFor(String last) {
        return DeskFixtures.readyForRegistration(registrations, jdbc, validation, patrons, fees, "Lucía", last);
    }

    @Test
    @DisplayName("Issue 14: every desk screen says in words that a patron does not exist, with the way back")
    void aPatronThatDoesNotExistIsSaidInWords_onEveryScreen() {
        long none = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from patron", Long.class);
        List<Class<? extends Component>> screens = List.of(PatronView.class, RegistrationView.class, CardView.class);
        List<String> routes = List.of("patrons/", "registration/", "cards/");
        for (int i = 0; i < screens.size(); i++) {
            navigate(routes.get(i) + none, screens.get(i));
            assertThat($(H1.class).withId("patron-not-found").single().getText())
                    .as(routes.get(i))
                    .isEqualTo(I18NProvider.translate("patron.not-found"))
                    .isNotBlank();
            var back = $(RouterLink.class).single();
            assertThat(back.getText()).as(routes.get(i)).isEqualTo(I18NProvider.translate("patron.search.back"));
            assertThat(back.getHref())
                    .as(routes.get(i))
                    .isEqualTo(RouteConfiguration.forApplicationScope().getUrl(PatronSearchView.class));
        }
    }

    @Test
    @DisplayName("Issue 14: the desk site chosen on one screen is where the next screen starts")
    @SuppressWarnings("unchecked")
    void theDeskSiteChosenOnOneScreenIsTheNextScreensStart() {
        var id = paidFor("Site-Partagé");
        navigate("registration/" + id, RegistrationView.class);
        Select<PatronSettings.Site> desk = $(Select.class).withId("desk-site").single();
        var bst = desk.getListDataView()
                .getItems()
                .filter(s -> s.code().equals("BST"))
                .findFirst()
                .orElseThrow();
        test(desk).selectItem(bst.name());
        navigate("cards/" + id, CardView.class);
        Select<PatronSettings.Site> card = $(Select.class).withId("card-site").single();
        assertThat(card.getValue().code()).isEqualTo("BST");
        assertThat(DeskSite.current(settings())).isEqualTo(bst);
    }

    @Test
    @DisplayName("Issue 14: a record changed by a colleague meanwhile is said so, shown again, and nothing is done")
    void aRecordChangedMeanwhileIsSaidSo_andNothingIsDone() {
        var id = paidFor("Changée-Entretemps");
        navigate("registration/" + id, RegistrationView.class);
        // A colleague adds a note while this screen is open: the record's version moves on.
        contacts.addNote(id, patrons.details(id).version(), "Carte demandée par téléphone");
        test($(Button.class).withId("registration-run").single()).click();
        assertThat(test($(Notification.class).withId("patron-changed-meanwhile").single())
                        .getText())
                .isEqualTo(I18NProvider.translate("patron.changed-meanwhile"));
        assertThat(jdbc.queryForObject("select count(*) from registration where patron_id = ?", Integer.class, id))
                .isZero();
        // Shown again as it is now: the next try goes through.
        test($(Button.class).withId("registration-run").single()).click();
        assertThat(jdbc.queryForObject("select count(*) from registration where patron_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    private PatronSettings settings() {
        return settings;
    }
}
