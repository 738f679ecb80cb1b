package be.uliege.library.registration.preregistration;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R-PRE-4, R-INT-2: the confirmation mail goes out once per submission, however often its event is
 * delivered (a retry after the event's completion was lost, the same event on two instances); and
 * when a mail does go out again (its "sent" mark was lost with a failed commit), the link of the
 * first mail still works — the person may click either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConfirmationMailOnceIT {

    static final Pattern LINK_TOKEN = Pattern.compile("confirmation\\?token=([A-Za-z0-9_-]+)");
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    PreRegistrationMails mails;

    @Autowired
    JdbcTemplate jdbc;

    record Submitted(long id, String email) {}

    Submitted submit() {
        var email = "once." + UUID.randomUUID().toString().substring(0, 10) + "@example.be";
        var form = new PreRegistrationForm(
                "Aïcha",
                "Benali-Once",
                LocalDate.of(1987, 3, 14),
                Gender.F,
                Language.FRE,
                email,
                "0477 12 34 56",
                "Rue Saint-Gilles 8",
                "4000",
                "Liège",
                "BE",
                "Aucun",
                null,
                Use.PRIVATE,
                "2026-1",
                true);
        var identifier = registrations.submit(form).identifier();
        var id = jdbc.queryForObject(
                "select id from pre_registration where patron_identifier = ?", Long.class, identifier);
        return new Submitted(Objects.requireNonNull(id), email);
    }

    @Test
    void aDeliveredAgainEventSendsNoSecondMail_andIssuesNoSecondLink() throws Exception {
        var entry = submit();
        awaitMails(entry.email(), 1);

        // The event delivered again, three times at once (a retry racing another instance's delivery).
        var deliveries = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < 3; i++) {
            deliveries.add(CompletableFuture.runAsync(() -> mails.on(new PreRegistrationSubmitted(entry.id()))));
        }
        deliveries.forEach(CompletableFuture::join);
        Thread.sleep(1500); // the listener is asynchronous: give a wrong second mail the time to arrive

        assertThat(mailsTo(entry.email())).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pre_registration_token where pre_registration_id = ?",
                        Integer.class,
                        entry.id()))
                .isEqualTo(1);
        assertThat(registrations.confirm(token(mailsTo(entry.email()).getFirst())))
                .isEqualTo(PreRegistrationService.Confirmation.CONFIRMED);
    }

    @Test
    void aMailSentAgainAfterItsMarkWasLost_leavesTheFirstLinkWorking() throws Exception {
        var entry = submit();
        awaitMails(entry.email(), 1);
        var first = token(mailsTo(entry.email()).getFirst());

        // The mail server accepted the mail, then the commit that marks it sent failed: the mark is gone.
        jdbc.update("update pre_registration set confirmation_mail_at = null where id = ?", entry.id());
        mails.on(new PreRegistrationSubmitted(entry.id()));
        awaitMails(entry.email(), 2);
        var second = token(mailsTo(entry.email()).get(1));
        assertThat(second).isNotEqualTo(first);

        // Yesterday's code replaced the first link, which then answered 410.
        assertThat(registrations.confirm(first)).isEqualTo(PreRegistrationService.Confirmation.CONFIRMED);
        assertThat(registrations.confirm(second))
                .as("the entry is confirmed: every link is spent")
                .isEqualTo(PreRegistrationService.Confirmation.GONE);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pre_registration_token where pre_registration_id = ?",
                        Integer.class,
                        entry.id()))
                .isZero();
    }

    @Test
    void aConfirmedEntryGetsNoConfirmationMail() throws Exception {
        var entry = submit();
        awaitMails(entry.email(), 1);
        assertThat(registrations.confirm(token(mailsTo(entry.email()).getFirst())))
                .isEqualTo(PreRegistrationService.Confirmation.CONFIRMED);
        jdbc.update("update pre_registration set confirmation_mail_at = null where id = ?", entry.id());

        mails.on(new PreRegistrationSubmitted(entry.id()));
        Thread.sleep(1500);

        assertThat(mailsTo(entry.email())).hasSize(1);
    }

    @Test
    void theReminderIsSentOnce() throws Exception {
        var entry = submit();
        awaitMails(entry.email(), 1);
        for (int i = 0; i < 3; i++) {
            mails.on(new PreRegistrationReminderDue(entry.id()));
        }
        awaitMails(entry.email(), 2);
        Thread.sleep(1500);

        assertThat(mailsTo(entry.email())).hasSize(2);
        assertThat(jdbc.queryForObject(
                        "select reminder_mail_at is not null from pre_registration where id = ?",
                        Boolean.class,
                        entry.id()))
                .isTrue();
    }

    static String token(MimeMessage mail) throws IOException, MessagingException {
        var matcher = LINK_TOKEN.matcher(mail.getContent().toString());
        assertThat(matcher.find()).as("a confirmation link in the mail").isTrue();
        return matcher.group(1);
    }

    static List<MimeMessage> mailsTo(String email) throws MessagingException {
        var found = new ArrayList<MimeMessage>();
        for (var m : Objects.requireNonNull(EmbeddedServers.running()).mail().getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                found.add(m);
            }
        }
        return found;
    }

    static void awaitMails(String email, int count) throws Exception {
        var end = System.nanoTime() + WAIT.toNanos();
        while (mailsTo(email).size() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Expected " + count + " mails to " + email + ", got "
                        + mailsTo(email).size());
            }
            Thread.sleep(100);
        }
    }
}
