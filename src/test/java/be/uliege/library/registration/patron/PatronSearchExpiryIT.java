package be.uliege.library.registration.patron;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.desk.ListFixtures;
import be.uliege.library.registration.security.Roles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 15: the search narrowed by where the expiration stands — valid (today or later), expiring
 * within 30 days (today included), expired (before today) — by name, by identifier, by the
 * beginning of an identifier, by e-mail and by birth date, with the kind and the status.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronSearchExpiryIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));

    @Autowired
    PatronService patrons;

    @Autowired
    JdbcTemplate jdbc;

    PatronDetails until(String last, LocalDate expiration) {
        return ListFixtures.patron(
                patrons, jdbc, last, PatronStatus.ACTIVE, TODAY, expiration, expiration.plusYears(1), true);
    }

    List<Long> found(String query, PatronService.SearchFilter filter) {
        return patrons.search(query, filter).patrons().stream()
                .map(PatronSummary::id)
                .toList();
    }

    static PatronService.SearchFilter expiry(PatronService.Expiry expiry) {
        return new PatronService.SearchFilter(null, null, expiry);
    }

    @Test
    @DisplayName("Issue 15: the expiry filter keeps valid, expiring-within-30-days or expired patrons")
    void theExpiryFilterNarrowsANameSearch() {
        var tag = ListFixtures.tag();
        var name = "Expiro-" + tag;
        var expired = until(name, TODAY.minusDays(1));
        var endsToday = until(name, TODAY);
        var in30 = until(name, TODAY.plusDays(30));
        var in31 = until(name, TODAY.plusDays(31));

        assertThat(found(name, PatronService.SearchFilter.NONE))
                .containsExactlyInAnyOrder(expired.id(), endsToday.id(), in30.id(), in31.id());
        assertThat(found(name, expiry(PatronService.Expiry.EXPIRED))).containsExactly(expired.id());
        assertThat(found(name, expiry(PatronService.Expiry.EXPIRING)))
                .containsExactlyInAnyOrder(endsToday.id(), in30.id());
        assertThat(found(name, expiry(PatronService.Expiry.VALID)))
                .containsExactlyInAnyOrder(endsToday.id(), in30.id(), in31.id());
        // With a kind and a status: all four are active BX.
        assertThat(found(
                        name,
                        new PatronService.SearchFilter(
                                PatronKind.BX, PatronStatus.ACTIVE, PatronService.Expiry.EXPIRED)))
                .containsExactly(expired.id());
        assertThat(found(
                        name,
                        new PatronService.SearchFilter(
                                PatronKind.B, PatronStatus.ACTIVE, PatronService.Expiry.EXPIRED)))
                .isEmpty();
    }

    @Test
    @DisplayName("Issue 15: the expiry filter narrows a search by identifier, its beginning, e-mail and birth date")
    void theExpiryFilterNarrowsEveryKindOfSearch() {
        var tag = ListFixtures.tag();
        var expired = until("Expira-" + tag, TODAY.minusDays(10));
        var valid = until("Expira-" + tag, TODAY.plusDays(200));

        var identifier = expired.primaryIdentifier();
        assertThat(found(identifier, expiry(PatronService.Expiry.EXPIRED))).containsExactly(expired.id());
        assertThat(found(identifier, expiry(PatronService.Expiry.VALID))).isEmpty();

        // The beginning of an identifier: the whole identifier but its last digit.
        var start = identifier.substring(0, identifier.length() - 1);
        assertThat(found(start, expiry(PatronService.Expiry.EXPIRED)))
                .contains(expired.id())
                .doesNotContain(valid.id());
        assertThat(found(start, expiry(PatronService.Expiry.VALID))).doesNotContain(expired.id());

        var email = expired.contacts().stream()
                .filter(c -> c.kind() == be.uliege.library.registration.patron.contact.ContactKind.EMAIL)
                .findFirst()
                .orElseThrow()
                .display();
        assertThat(found(email, expiry(PatronService.Expiry.EXPIRED))).containsExactly(expired.id());
        assertThat(found(email, expiry(PatronService.Expiry.EXPIRING))).isEmpty();

        // Both share the fixture's birth date with others: the filter keeps only expired ones.
        var byBirth = found("14/03/1980", expiry(PatronService.Expiry.EXPIRED));
        assertThat(byBirth).contains(expired.id()).doesNotContain(valid.id());
    }
}
