package be.uliege.library.registration.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who is acting (issue 14): the services only the system may call refuse the anonymous and the
 * staff; the system principal opens them and is recorded as "system"; a scheduled job called with
 * nobody signed in runs as the system; whoever acted before gets the context back.
 */
@SpringBootTest
class SystemPrincipalIT {

    @Autowired
    Patrons patrons;

    @Autowired
    PatronAccounts accounts;

    @Autowired
    CurrentStaff staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Tasks tasks;

    private static PatronDraft student(String last) {
        return new PatronDraft(
                "Yasmina",
                last,
                Gender.F,
                LocalDate.of(2002, 5, 17),
                Language.FRE,
                "Étudiant ULiège",
                null,
                null,
                null,
                LibraryDay.today().plusMonths(8),
                null,
                List.of(
                        ContactDraft.email(
                                "y" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.be",
                                ContactUsage.PERSONAL),
                        ContactDraft.phone("0472 11 22 33", ContactUsage.MOBILE),
                        ContactDraft.address("Place du 20-Août 7", "4000", "Liège", "BE")));
    }

    private static String studentIdentifier() {
        return "S" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    @Test
    @DisplayName("Issue 14: a record with a known identifier is the system's to create, not the public's or the desk's")
    void onlyTheSystemCreatesARecordWithAKnownIdentifier() {
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> patrons.createWithIdentifier(
                        studentIdentifier(), student("Anonyme"), PatronStatus.ACTIVE, PatronRules.Actor.LOAD))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        var desk = SecurityContextHolder.createEmptyContext();
        desk.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "operator", "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + Roles.DESK_OPERATOR))));
        SecurityContextHolder.setContext(desk);
        try {
            assertThatThrownBy(() -> patrons.createWithIdentifier(
                            studentIdentifier(), student("Guichet"), PatronStatus.ACTIVE, PatronRules.Actor.LOAD))
                    .isInstanceOf(AccessDeniedException.class);

            var created = SystemPrincipal.call(() -> patrons.createWithIdentifier(
                    studentIdentifier(), student("Système"), PatronStatus.ACTIVE, PatronRules.Actor.LOAD));
            assertThat(jdbc.queryForList(
                            "select distinct changed_by from patron_history where patron_id = ?",
                            String.class,
                            created.id()))
                    .containsExactly(SystemPrincipal.NAME);
            // The operator who was acting before is acting again.
            assertThat(SecurityContextHolder.getContext()).isSameAs(desk);
            assertThat(staff.uid()).isEqualTo("operator");
            assertThat(staff.isSignedIn()).isTrue();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    @DisplayName("Issue 14: a scheduled job or a listener started with nobody signed in runs as the system")
    void jobsAndListenersRunAsTheSystem() {
        SecurityContextHolder.clearContext();
        assertThat(tasks.nightly()).isEqualTo("system SYSTEM");
        assertThat(tasks.afterCommit("event")).isEqualTo("system SYSTEM");
        // Nothing is left behind on the thread.
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThatThrownBy(staff::uid).isInstanceOf(IllegalStateException.class);
        assertThat(staff.actor()).isEqualTo(CurrentStaff.SYSTEM);
        // Only the system runs the directory's expiry: refused to nobody.
        assertThatThrownBy(accounts::disableExpired).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(SystemPrincipal.call(accounts::disableExpired)).isGreaterThanOrEqualTo(0);
    }

    @Test
    @DisplayName("Issue 14: a listener run in a staff member's own request keeps the staff member")
    void aListenerInAStaffRequestKeepsTheStaffMember() {
        var desk = SecurityContextHolder.createEmptyContext();
        desk.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "operator", "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + Roles.DESK_OPERATOR))));
        SecurityContextHolder.setContext(desk);
        try {
            assertThat(tasks.afterCommit("event")).isEqualTo("operator DESK_OPERATOR");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A job and a listener as the application writes them, to see who they run as. */
    static class Tasks {

        private final CurrentStaff staff;

        Tasks(CurrentStaff staff) {
            this.staff = staff;
        }

        @Scheduled(cron = "-")
        public String nightly() {
            return whoIsActing();
        }

        @TransactionalEventListener(fallbackExecution = true)
        public String afterCommit(String event) {
            return whoIsActing();
        }

        private String whoIsActing() {
            return staff.actor() + " "
                    + (staff.hasRole(Roles.SYSTEM)
                            ? Roles.SYSTEM
                            : staff.hasRole(Roles.DESK_OPERATOR) ? Roles.DESK_OPERATOR : "none");
        }
    }

    @TestConfiguration
    static class TasksConfiguration {
        @Bean
        Tasks tasks(CurrentStaff staff) {
            return new Tasks(staff);
        }
    }
}
