package be.uliege.library.registration.patron;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.base.MutableClock;
import be.uliege.library.registration.desk.ListFixtures;
import be.uliege.library.registration.security.Roles;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 15: "this month" and "today" are Brussels' — on the evening of 31 January in UTC it is 1
 * February in Brussels already. The lists are read with a clock set in 2093, a month in which no
 * other test's patron expires, so that the counts are exact.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronListsMonthIT {

    @Autowired
    PatronService patrons;

    @Autowired
    JdbcTemplate jdbc;

    PatronDetails until(String last, LocalDate expiration) {
        return ListFixtures.patron(
                patrons,
                jdbc,
                last,
                PatronStatus.ACTIVE,
                LocalDate.of(2092, 1, 1),
                expiration,
                expiration.plusYears(1),
                true);
    }

    @Test
    @DisplayName("Issue 15: the month and the day of the lists are the library's (Europe/Brussels), not UTC's")
    void theMonthIsBrussels() {
        var tag = ListFixtures.tag();
        var january = until("Mois-Janvier-" + tag, LocalDate.of(2093, 1, 31));
        var february = until("Mois-Fevrier-" + tag, LocalDate.of(2093, 2, 1));
        var endOfFebruary = until("Mois-Fin-" + tag, LocalDate.of(2093, 2, 28));
        // 23:30 UTC on 31 January 2093 is 00:30 on 1 February in Brussels.
        var lists = new PatronLists(jdbc, new MutableClock(Instant.parse("2093-01-31T23:30:00Z")));

        var expiring = lists.expiringThisMonth(0);
        assertThat(expiring.total()).isEqualTo(2);
        assertThat(expiring.rows())
                .extracting(PatronLists.Listed::patron)
                .containsExactly(february.patronId(), endOfFebruary.patronId());
        var expired = lists.expired(0);
        assertThat(expired.rows().getFirst().patron())
                .as("the latest expired first")
                .isEqualTo(january.patronId());
        assertThat(expired.rows()).extracting(PatronLists.Listed::patron).doesNotContain(february.patronId());

        // An hour earlier, in Brussels it is still 31 January: January's patron expires this month, today.
        var january31 = new PatronLists(jdbc, new MutableClock(Instant.parse("2093-01-31T22:30:00Z")));
        assertThat(january31.expiringThisMonth(0).rows())
                .extracting(PatronLists.Listed::patron)
                .containsExactly(january.patronId());
    }
}
