package be.uliege.library.registration.desk;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.base.Resubmissions;
import be.uliege.library.registration.directory.PendingAccounts;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronLists;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 15, the desk's everyday lists on the real database: which patrons each list holds (by the
 * month and the day in Brussels), how many, in which order, a page of 50 at a time; and the
 * directory work still pending with its last error. Other tests add patrons too: counts are
 * compared before and after this test's own patrons, who sort first in each list.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class DeskListsIT {

    @Autowired
    PatronLists lists;

    @Autowired
    PendingAccounts accounts;

    @Autowired
    PatronService patrons;

    @Autowired
    JdbcTemplate jdbc;

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));
    static final LocalDate LONG_AGO = LocalDate.of(1990, 1, 1);

    PatronDetails patron(String last, PatronStatus status, LocalDate expiration, LocalDate purge, boolean seen) {
        return ListFixtures.patron(patrons, jdbc, last, status, LONG_AGO, expiration, purge, seen);
    }

    static List<PatronId> ids(PatronLists.Page page) {
        return page.rows().stream().map(PatronLists.Listed::patron).toList();
    }

    static PatronId id(PatronDetails patron) {
        return new PatronId(patron.id());
    }

    @Test
    @DisplayName(
            "Issue 15: expiring this month — active B/BX whose expiration falls in the calendar month, soonest first")
    void expiringThisMonth() {
        var first = TODAY.withDayOfMonth(1);
        var last = TODAY.with(TemporalAdjusters.lastDayOfMonth());
        var before = lists.expiringThisMonth(0).total();
        var tag = ListFixtures.tag();
        var onTheFirst = patron("Aaa-Premier-" + tag, PatronStatus.ACTIVE, first, last.plusYears(1), true);
        var onTheLast = patron("Aaa-Dernier-" + tag, PatronStatus.ACTIVE, last, last.plusYears(1), true);
        var lastMonth = patron("Aaa-Avant-" + tag, PatronStatus.ACTIVE, first.minusDays(1), last.plusYears(1), true);
        var nextMonth = patron("Aaa-Apres-" + tag, PatronStatus.ACTIVE, last.plusDays(1), last.plusYears(1), true);
        var inactive = patron("Aaa-Inactif-" + tag, PatronStatus.INACTIVE, first, last.plusYears(1), true);

        var page = lists.expiringThisMonth(0);

        assertThat(page.total()).isEqualTo(before + 2);
        assertThat(ids(page))
                .contains(id(onTheFirst), id(onTheLast))
                .doesNotContain(id(lastMonth), id(nextMonth), id(inactive));
        assertThat(ids(page).indexOf(id(onTheFirst))).isLessThan(ids(page).indexOf(id(onTheLast)));
        assertThat(page.rows()).extracting(PatronLists.Listed::expiration).isSorted();
        assertThat(page.rows().size()).isLessThanOrEqualTo(PatronLists.PAGE_SIZE);
        var listed = page.rows().get(ids(page).indexOf(id(onTheFirst)));
        assertThat(listed.identifier()).isEqualTo(onTheFirst.primaryIdentifier());
        assertThat(listed.lastName()).isEqualTo("Aaa-Premier-" + tag);
        assertThat(listed.expiration()).isEqualTo(first);
    }

    @Test
    @DisplayName("Issue 15: expired — expiration passed, purge date not; the latest expired first")
    void expired() {
        var before = lists.expired(0).total();
        var tag = ListFixtures.tag();
        var yesterday = patron("Exp-Hier-" + tag, PatronStatus.ACTIVE, TODAY.minusDays(1), TODAY, true);
        var lastYear =
                patron("Exp-Annee-" + tag, PatronStatus.INACTIVE, TODAY.minusYears(1), TODAY.plusYears(1), false);
        var today = patron("Exp-Aujourdhui-" + tag, PatronStatus.ACTIVE, TODAY, TODAY.plusYears(1), true);
        var purged = patron("Exp-Purge-" + tag, PatronStatus.INACTIVE, TODAY.minusYears(3), TODAY.minusDays(1), true);

        var page = lists.expired(0);

        assertThat(page.total()).isEqualTo(before + 2);
        assertThat(ids(page)).contains(id(yesterday)).doesNotContain(id(today), id(purged));
        assertThat(page.rows())
                .extracting(PatronLists.Listed::expiration)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        // A year ago is further down (or on a later page): every row on the way is at least as recent.
        var all = new java.util.ArrayList<PatronId>();
        for (int n = 0; n < page.pages(); n++) {
            all.addAll(ids(lists.expired(n)));
        }
        assertThat(all).hasSize((int) page.total()).contains(id(lastYear)).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("R-DESK-6: inactive — validated or registered at the desk, not paid yet; not the queue's")
    void inactive() {
        var before = lists.inactive(0).total();
        var tag = ListFixtures.tag();
        var validated =
                patron("Ina-Valide-" + tag, PatronStatus.INACTIVE, TODAY.plusYears(1), TODAY.plusYears(2), true);
        var inQueue = patron("Ina-File-" + tag, PatronStatus.INACTIVE, TODAY.plusYears(1), TODAY.plusYears(2), false);
        var active = patron("Ina-Actif-" + tag, PatronStatus.ACTIVE, TODAY.plusYears(1), TODAY.plusYears(2), true);

        var page = lists.inactive(0);

        assertThat(page.total()).isEqualTo(before + 1);
        assertThat(ids(page)).contains(id(validated)).doesNotContain(id(inQueue), id(active));
        assertThat(page.rows()).extracting(PatronLists.Listed::statusDate).isSorted();
        assertThat(page.rows().get(ids(page).indexOf(id(validated))).status()).isEqualTo(PatronStatus.INACTIVE);
    }

    @Test
    @DisplayName("Issue 15: a list is read 50 rows at a time; the pages add up to the count")
    void pagesOfFifty() {
        var tag = ListFixtures.tag();
        for (int i = 0; i < 3; i++) {
            patron(
                    "Pag-" + tag + "-" + "abc".charAt(i),
                    PatronStatus.INACTIVE,
                    TODAY.plusYears(1),
                    TODAY.plusYears(2),
                    true);
        }
        var first = lists.inactive(0);
        assertThat(first.total()).isGreaterThanOrEqualTo(3);
        assertThat(first.rows()).hasSize((int) Math.min(PatronLists.PAGE_SIZE, first.total()));
        var beyond = lists.inactive(first.pages());
        assertThat(beyond.rows()).isEmpty();
        assertThat(beyond.total()).isEqualTo(first.total());
        assertThat(lists.inactive(-3).page()).isZero();
    }

    @Test
    @DisplayName(
            "R-INT-1: a directory account the directory refused is listed with its last answer; nothing else to retry")
    void pendingDirectoryAccounts() {
        var before = accounts.pending(0).total();
        var tag = ListFixtures.tag();
        var patron = patron("Dir-" + tag, PatronStatus.ACTIVE, TODAY.plusYears(1), TODAY.plusYears(2), true);
        jdbc.update(
                """
                insert into directory_account (patron_id, uid, request_id, state, requested_by, requested_at,
                  attempts, last_error, action, expires_on) values (?, ?, ?, 'PENDING', 'operator', ?, 3,
                  'unwilling to perform', 'WRITE', ?)""",
                patron.id(),
                patron.primaryIdentifier(),
                UUID.randomUUID().toString(),
                Timestamp.from(Instant.parse("2001-01-01T10:00:00Z")),
                java.sql.Date.valueOf(TODAY.plusYears(1)));

        var page = accounts.pending(0);

        assertThat(page.total()).isEqualTo(before + 1);
        assertThat(page.rows().getFirst().patronId())
                .as("the longest waiting first")
                .isEqualTo(patron.id());
        assertThat(page.rows().getFirst().lastError()).isEqualTo("unwilling to perform");
        assertThat(page.rows().getFirst().attempts()).isEqualTo(3);
        assertThat(page.rows().getFirst().disabling()).isFalse();
        // No publication of that request failed: nothing is resubmitted.
        assertThat(accounts.retryNow(patron.id())).isEqualTo(Resubmissions.Outcome.NOTHING_FAILED);
        jdbc.update("update directory_account set state = 'DONE' where patron_id = ?", patron.id());
        assertThat(accounts.pending(0).total()).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "visitor", roles = "SOMETHING_ELSE")
    @DisplayName("R-DESK-1: only desk staff read the lists or retry")
    void onlyDeskStaff() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lists.expired(0))
                .isInstanceOf(AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.retryNow(1))
                .isInstanceOf(AccessDeniedException.class);
    }
}
