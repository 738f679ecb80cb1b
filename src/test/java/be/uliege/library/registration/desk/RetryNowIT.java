package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.await;
import static be.uliege.library.registration.desk.DeskFixtures.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.base.Resubmissions;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 15, R-INT-2: a welcome mail the mail server refused is listed as pending with its failed
 * tries, and "retry now" sends it at once — long before the scheduled retry (a minute here, as in
 * production) — exactly once, even when two desks click at the same moment and when it is clicked
 * again afterwards.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class RetryNowIT {

    static final Duration LIMIT = Duration.ofSeconds(20);

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    RegistrationStep step;

    @Autowired
    PendingMails mails;

    @Autowired
    Fees fees;

    @Autowired
    PatronService patrons;

    @Autowired
    JdbcTemplate jdbc;

    boolean listed(long registrationId, int failuresAtLeast) {
        return mails.pending(0).rows().stream()
                .anyMatch(m -> m.registrationId() == registrationId && m.failures() >= failuresAtLeast);
    }

    /** Listed, its last try failed: "retry now" applies. */
    boolean failed(long registrationId) {
        return mails.pending(0).rows().stream()
                .anyMatch(m -> m.registrationId() == registrationId && m.retriable() && m.failures() > 0);
    }

    @Test
    @DisplayName("R-INT-2: retry now re-sends a failed welcome mail exactly once")
    void retryNowSendsAFailedMailOnce() throws Exception {
        var patronId = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Noémie", "Relance-" + ListFixtures.tag());
        var email = jdbc.queryForObject(
                "select item_value from contact_item where patron_id = ? and kind = 'EMAIL'", String.class, patronId);
        var mail = RegistrationFaultsIT.servers().mail();
        int port = mail.getSmtp().getPort();
        long before = mails.pending(0).total();
        RegistrationStep.Outcome outcome;
        mail.stop();
        try {
            outcome = step.register(patronId, patrons.details(patronId).version(), "ALP");
            await("the welcome mail failing", LIMIT, () -> failed(outcome.registrationId()));
            assertThat(mails.pending(0).total()).isEqualTo(before + 1);
            var row = mails.pending(0).rows().stream()
                    .filter(m -> m.registrationId() == outcome.registrationId())
                    .findFirst()
                    .orElseThrow();
            assertThat(row.patronId()).isEqualTo(patronId);
            assertThat(row.renewal()).isFalse();
            // Still down: retried now, it fails again and stays listed, one more failure.
            assertThat(mails.retryNow(outcome.registrationId())).isEqualTo(Resubmissions.Outcome.RESUBMITTED);
            await(
                    "the second failure",
                    LIMIT,
                    () -> failed(outcome.registrationId()) && listed(outcome.registrationId(), row.failures() + 1));
            mail.start();
            assertThat(mail.getSmtp().getPort()).isEqualTo(port);
        } finally {
            if (!mail.isRunning()) {
                mail.start();
            }
        }
        assertThat(mailsTo(email, "Bienvenue")).isEmpty();

        // Two desks click at once: one resubmits, the other finds nothing failed any more.
        var start = new CountDownLatch(1);
        var clicks = new ArrayList<CompletableFuture<Resubmissions.Outcome>>();
        for (var desk : List.of("desk-a", "desk-b")) {
            clicks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return DeskFixtures.as(desk, () -> mails.retryNow(outcome.registrationId()), Roles.DESK_OPERATOR);
            }));
        }
        start.countDown();
        var outcomes = clicks.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).containsOnlyOnce(Resubmissions.Outcome.RESUBMITTED);

        await(
                "the welcome mail, well before the scheduled retry",
                LIMIT,
                () -> !mailsTo(email, "Bienvenue").isEmpty());
        await(
                "the mail marked sent",
                LIMIT,
                () -> "SENT".equals(step.progress(patronId).welcomeMail()));
        assertThat(mails.retryNow(outcome.registrationId())).isEqualTo(Resubmissions.Outcome.NOTHING_FAILED);
        Thread.sleep(2_000);
        assertThat(mailsTo(email, "Bienvenue")).hasSize(1);
        assertThat(listed(outcome.registrationId(), 0)).isFalse();
        assertThat(mails.pending(0).total()).isEqualTo(before);
    }
}
