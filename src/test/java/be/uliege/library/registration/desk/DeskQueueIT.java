package be.uliege.library.registration.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import be.uliege.library.registration.preregistration.PreRegistrationForm;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/** R-DESK-2: the desk's queue on MariaDB — order, filters, paging, who has an entry open. */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class DeskQueueIT {

    @Autowired
    DeskQueue queue;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    JdbcTemplate jdbc;

    /** A confirmed pre-registration, confirmed the given number of hours ago; returns its queue id. */
    long confirmed(String first, String last, int hoursAgo, String country) {
        var email = Text.searchKey(first) + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.be";
        var form = new PreRegistrationForm(
                first,
                last,
                LocalDate.of(1971, 2, 3).plusDays(UUID.randomUUID().hashCode() % 5000),
                Gender.F,
                Language.FRE,
                email,
                "0476 " + String.format("%06d", Math.abs(email.hashCode()) % 1_000_000),
                "Rue de la Cathédrale 12",
                "BE".equals(country) ? "4000" : "75001",
                "BE".equals(country) ? "Liège" : "Paris",
                country,
                "AUTRE HE / UNIV",
                "Haute École Charlemagne",
                Use.PRIVATE,
                "2026-1",
                true);
        var submitted = registrations.submit(form);
        jdbc.update(
                "update pre_registration set status = 'CONFIRMED', confirmed_at = ? where patron_identifier = ?",
                Timestamp.from(Instant.now().minus(hoursAgo, ChronoUnit.HOURS)),
                submitted.identifier());
        return jdbc.queryForObject(
                "select id from pre_registration where patron_identifier = ?", Long.class, submitted.identifier());
    }

    @Test
    void oldestFirst_searchedAccentsAside_filteredByFlag_readAPageAtATime() {
        var tag = "Qu" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "e");
        var older = confirmed("Zoé", "Éléonore" + tag, 48, "BE");
        var newer = confirmed("Anne", "Eleonore" + tag, 2, "BE");
        var foreign = confirmed("Jean", "Etranger" + tag, 24, "FR");

        var all = queue.page(new DeskQueue.Filter("eleonore" + tag.toLowerCase(), false, false, false), 0, 50);
        assertThat(all).extracting(DeskQueue.Entry::id).containsExactly(older, newer);
        assertThat(all.getFirst().email()).startsWith("zoe.");
        assertThat(queue.count(new DeskQueue.Filter("ELEONORE" + tag, false, false, false)))
                .isEqualTo(2);

        assertThat(queue.page(new DeskQueue.Filter("etranger" + tag, false, true, false), 0, 50))
                .extracting(DeskQueue.Entry::id)
                .containsExactly(foreign);
        assertThat(queue.page(new DeskQueue.Filter("etranger" + tag, false, false, false), 0, 50))
                .hasSize(1);
        assertThat(queue.page(new DeskQueue.Filter("eleonore" + tag, false, true, false), 0, 50))
                .isEmpty();
        assertThat(queue.page(new DeskQueue.Filter("", false, false, false), 0, 50))
                .extracting(DeskQueue.Entry::confirmedAt)
                .isSorted();
        int total = queue.count(DeskQueue.Filter.ALL);
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(queue.page(DeskQueue.Filter.ALL, total - 1, 50)).hasSize(1);
        // LIKE's own characters are taken literally.
        assertThat(queue.count(new DeskQueue.Filter("%", false, false, false))).isZero();
    }

    @Test
    void suspiciousDataAreFlaggedWithTheirReasons_andFiltered() {
        var tag = "Su" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "u");
        var plain = confirmed("Marie", tag + "plain", 3, "BE");
        var shouted = confirmed("MARIE", tag.toUpperCase() + "SHOUT", 3, "BE");

        var entries = queue.page(new DeskQueue.Filter(tag, false, false, false), 0, 50);
        assertThat(entries).extracting(DeskQueue.Entry::id).containsExactlyInAnyOrder(plain, shouted);
        assertThat(entries)
                .filteredOn(e -> e.id() == shouted)
                .singleElement()
                .extracting(DeskQueue.Entry::suspicions)
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(SuspiciousData.Reason.NAME_CASE);
        assertThat(entries)
                .filteredOn(e -> e.id() == plain)
                .singleElement()
                .extracting(DeskQueue.Entry::suspicions)
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .isEmpty();
        assertThat(queue.page(new DeskQueue.Filter(tag, false, false, true), 0, 50))
                .extracting(DeskQueue.Entry::id)
                .containsExactly(shouted);
        assertThat(queue.count(new DeskQueue.Filter(tag, false, false, true))).isEqualTo(1);
    }

    @Test
    void aColleagueOpeningAnEntryIsToldWhoHasItAndSinceWhen() {
        var id = confirmed(
                "Léa", "Ouverte" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "x"), 5, "BE");
        assertThat(queue.open(id, false)).isNull();
        assertThat(queue.open(id, false)).as("the same operator again").isNull();

        var held = asColleague(() -> queue.open(id, false));
        assertThat(held).isNotNull();
        assertThat(held.who()).isEqualTo("operator");
        assertThat(held.since()).isBefore(Instant.now().plusSeconds(1));
        assertThat(queue.page(DeskQueue.Filter.ALL, 0, 500))
                .filteredOn(e -> e.id() == id)
                .extracting(DeskQueue.Entry::openedBy)
                .containsExactly("operator");

        // Knowingly taken over; the first operator is now the one told.
        assertThat(asColleague(() -> queue.open(id, true))).isNull();
        assertThat(queue.open(id, false)).extracting(DeskQueue.HeldBy::who).isEqualTo("colleague");

        // A hold older than half an hour is free again; a release frees it at once.
        jdbc.update(
                "update pre_registration set opened_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(31, ChronoUnit.MINUTES)),
                id);
        assertThat(queue.open(id, false)).isNull();
        queue.release(id);
        assertThat(asColleague(() -> queue.open(id, false))).isNull();
    }

    @Test
    @WithMockUser(
            username = "visitor",
            roles = {})
    void onlyDeskStaffSeeTheQueue() {
        assertThatThrownBy(() -> queue.count(DeskQueue.Filter.ALL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anUnknownEntryCannotBeOpened() {
        assertThatThrownBy(() -> queue.open(-42, false)).isInstanceOf(IllegalArgumentException.class);
    }

    static <T> T asColleague(Supplier<T> action) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "colleague", null, AuthorityUtils.createAuthorityList("ROLE_" + Roles.DESK_OPERATOR)));
        try {
            return action.get();
        } finally {
            context.setAuthentication(previous);
        }
    }
}
