package be.uliege.library.registration.patron.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.desk.ListFixtures;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.PatronSummary;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** Issue 15: the search screen's expiry filter, from the list and from the address. */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronSearchExpiryViewIT extends SpringBrowserlessTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));

    @Autowired
    PatronService patrons;

    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    java.util.List<Long> shown() {
        Grid<PatronSummary> results = $(Grid.class).withId("search-results").single();
        return results.getGenericDataView().getItems().map(PatronSummary::id).toList();
    }

    /** The search as the address gives it (the query and the filters stay in the address). */
    void search(Map<String, String> parameters) {
        navigate(PatronSearchView.class);
        UI.getCurrent().navigate(PatronSearchView.class, QueryParameters.simple(parameters));
    }

    @Test
    @SuppressWarnings("unchecked")
    @DisplayName(
            "Issue 15: the expiry filter keeps expired or soon-expiring patrons; an unknown value in the address is ignored")
    void theExpiryFilterNarrowsTheResults() {
        var name = "Filtre-" + ListFixtures.tag();
        var expired = ListFixtures.patron(
                patrons, jdbc, name, PatronStatus.ACTIVE, TODAY, TODAY.minusDays(3), TODAY.plusYears(1), true);
        var soon = ListFixtures.patron(
                patrons, jdbc, name, PatronStatus.ACTIVE, TODAY, TODAY.plusDays(5), TODAY.plusYears(1), true);
        var later = ListFixtures.patron(
                patrons, jdbc, name, PatronStatus.ACTIVE, TODAY, TODAY.plusDays(90), TODAY.plusYears(1), true);

        search(Map.of("q", name));
        assertThat(shown()).containsExactlyInAnyOrder(expired.id(), soon.id(), later.id());

        var expiry = (Select<PatronService.Expiry>)
                $(Select.class).withId("search-expiry").single();
        test(expiry).selectItem(I18NProvider.translate("search.filter.expiry.EXPIRED"));
        assertThat(shown()).containsExactly(expired.id());

        test(expiry)
                .selectItem(
                        I18NProvider.translate("search.filter.expiry.EXPIRING", PatronService.EXPIRING_WITHIN_DAYS));
        assertThat(shown()).containsExactly(soon.id());

        // Hostile or unknown values in the address: no filter, no error.
        search(Map.of("q", name, "expiry", "<script>alert(1)</script>' OR 1=1 --\u0000"));
        assertThat($(Select.class).withId("search-expiry").single().getValue()).isNull();
        assertThat(shown()).containsExactlyInAnyOrder(expired.id(), soon.id(), later.id());
        search(Map.of("q", name, "expiry", "VALID"));
        assertThat(shown()).containsExactlyInAnyOrder(soon.id(), later.id());
    }
}
