package be.uliege.library.registration.patron.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.UnusedUniversityNumbers;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.LoadedPerson;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronSummary;
import be.uliege.library.registration.patron.UniversityPeople;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-SIS-3: the desk sees at a glance a loaded patron whose synchronization is not today's, on the
 * record and in the search results; one synchronized today says so on the record only.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class SynchronizationBadgeIT extends SpringBrowserlessTest {

    @Autowired
    UniversityPeople people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    long loadToday(String primary, String last) {
        var today = LocalDate.now(clock);
        var key = "P" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        var row = new LoadedPerson(
                1,
                primary,
                key,
                new PatronDraft(
                        "Kwame",
                        last,
                        Gender.M,
                        LocalDate.of(1999, 2, 3),
                        Language.ENG,
                        "Étudiant ULiège",
                        "Étudiant ULiège",
                        null,
                        null,
                        LocalDate.of(today.getYear() + 1, 10, 1),
                        key,
                        List.of(ContactDraft.email(primary.toLowerCase() + "@student.uliege.be", ContactUsage.WORK))));
        var how = new LoadInstructions(
                LoadInstructions.Mode.SYNCHRONIZE,
                LoadInstructions.MatchPoint.UNIVERSITY_KEY,
                ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L),
                today,
                List.of(PatronKind.U, PatronKind.C, PatronKind.S),
                false);
        SystemPrincipal.call(() -> people.apply(List.of(row), how));
        return jdbc.queryForObject("select id from patron where primary_identifier = ?", Long.class, primary);
    }

    private static String getTranslation(String key, Object... args) {
        return I18NProvider.translate(key, args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordNotSynchronizedTodayIsMarkedOnTheRecordAndInTheResults() {
        var last = "Asante" + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('a' + ThreadLocalRandom.current().nextInt(26));
        var fresh = "S" + UnusedUniversityNumbers.digits(jdbc, 6);
        long freshId = loadToday(fresh, last);
        var stale = "S" + UnusedUniversityNumbers.digits(jdbc, 6);
        long staleId = loadToday(stale, last);
        var yesterday = LocalDate.now(clock).minusDays(1);
        jdbc.update("update patron set synchronized_on = ? where id = ?", yesterday, staleId);

        navigate("patrons/" + freshId, PatronView.class);
        var today = $(Span.class).withId("patron-synchronization").single();
        assertThat(today.getElement().getThemeList()).contains("badge", "success");
        assertThat(today.getText()).contains(PatronSearchView.DATE.format(LocalDate.now(clock)));

        navigate("patrons/" + staleId, PatronView.class);
        var old = $(Span.class).withId("patron-synchronization").single();
        assertThat(old.getElement().getThemeList()).contains("badge", "error");
        assertThat(old.getText())
                .isEqualTo(getTranslation("patron.synchronization.stale", PatronSearchView.DATE.format(yesterday)));

        navigate(PatronSearchView.class);
        test($(TextField.class).single()).setValue(last);
        test($(Button.class).withText(getTranslation("search.submit")).single()).click();
        Grid<PatronSummary> results = $(Grid.class).single();
        var found = results.getGenericDataView().getItems().toList();
        assertThat(found).extracting(PatronSummary::primaryIdentifier).containsExactlyInAnyOrder(fresh, stale);
        assertThat(found)
                .filteredOn(p -> p.synchronization().staleOn(LocalDate.now(clock)))
                .extracting(PatronSummary::primaryIdentifier)
                .containsExactly(stale);
    }
}
