package be.uliege.library.registration.preregistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import be.uliege.library.registration.base.Messages;
import be.uliege.library.registration.base.SharedLimits;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.DuplicateSearch;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.TestSettings;
import be.uliege.library.registration.patron.contact.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 14: one use case accepts a public submission (R-PRE-6), with its defences in one order, the
 * cheapest refusal first; the e-mail is parsed once, and the rate limit and the double-submit key
 * compare it in the form the record stores (R-CON-1).
 */
class PublicSubmissionsTest {

    static final Duration HOUR = Duration.ofHours(1);

    /** Every hit of the shared limits: scope and value. */
    final List<String> hits = new ArrayList<>();

    SharedLimits limits;
    ProofOfWork proofOfWork;
    RateLimiter rateLimiter;
    PreRegistrationService registrations;
    PublicSubmissions submissions;

    static PreRegistrationSettings settings() {
        return new PreRegistrationSettings(
                "2026-1",
                Duration.ofDays(7),
                Duration.ofDays(90),
                Duration.ofDays(60),
                "0 17 * * * *",
                new PreRegistrationSettings.Challenge(true, 4, Duration.ofMinutes(10), ""),
                new PreRegistrationSettings.RateLimit(true, 5, 30, 3, HOUR));
    }

    @BeforeEach
    void wire() {
        limits = mock(SharedLimits.class);
        when(limits.hit(anyString(), anyString(), any())).thenAnswer(call -> {
            hits.add(call.getArgument(0) + "=" + call.getArgument(1));
            return new SharedLimits.Count(1, HOUR);
        });
        when(limits.spendOnce(anyString(), anyString(), any())).thenReturn(true);
        proofOfWork = new ProofOfWork(settings(), Clock.systemUTC(), limits);
        rateLimiter = new RateLimiter(settings(), limits);
        registrations = mock(PreRegistrationService.class);
        submissions = new PublicSubmissions(registrations, proofOfWork, rateLimiter);
    }

    static PreRegistrationForm form(@Nullable String email) {
        return new PreRegistrationForm(
                "Anne",
                "Dupont",
                LocalDate.of(1990, 4, 12),
                Gender.F,
                Language.FRE,
                email,
                "0475 12 34 56",
                "Rue de la Cathédrale 12 bte 3",
                "4000",
                "Liège",
                "BE",
                "AUTRE HE / UNIV",
                "Haute École Charlemagne",
                Use.PRIVATE,
                "2026-1",
                true);
    }

    Submission solved(PreRegistrationForm form, @Nullable String honeypot) {
        var challenge = proofOfWork.issue();
        return new Submission(
                form,
                "192.0.2.7",
                honeypot,
                challenge.challenge(),
                ProofOfWork.solve(challenge.challenge(), challenge.difficulty()));
    }

    @Test
    @DisplayName("R-PRE-6: the hidden field is looked at first: no challenge spent, nothing counted")
    void theHiddenFieldFirst() {
        var robot = new Submission(form("anne@example.be"), "192.0.2.7", "http://spam", null, null);
        assertThat(submissions.accept(robot))
                .isEqualTo(new SubmissionOutcome.Robot(SubmissionOutcome.Trap.HIDDEN_FIELD));
        verifyNoInteractions(limits, registrations);
    }

    @Test
    @DisplayName("R-PRE-6: then the challenge: an unsolved one is refused before anything is counted")
    void thenTheChallenge() {
        var challenge = proofOfWork.issue();
        // A nonce that does not solve it: at the tests' low difficulty, one in sixteen does by chance.
        var wrong = "not-it";
        for (int i = 0;
                ProofOfWork.leadingZeroBits(ProofOfWork.sha256(challenge.challenge() + ":" + wrong))
                        >= challenge.difficulty();
                i++) {
            wrong = "not-it-" + i;
        }
        var unsolved = new Submission(form("anne@example.be"), "192.0.2.7", "", challenge.challenge(), wrong);
        assertThat(submissions.accept(unsolved))
                .isEqualTo(new SubmissionOutcome.Robot(SubmissionOutcome.Trap.CHALLENGE));
        assertThat(hits).isEmpty();
        verifyNoInteractions(registrations);
    }

    @Test
    @DisplayName("R-PRE-6: then the rate limits: over the limit, the form is neither checked nor stored")
    void thenTheRateLimits() {
        when(limits.hit(eq(RateLimiter.SCOPE + "address"), anyString(), any()))
                .thenReturn(new SharedLimits.Count(6, Duration.ofSeconds(1200)));
        assertThat(submissions.accept(solved(form("anne@example.be"), null)))
                .isEqualTo(new SubmissionOutcome.TooMany(1200));
        verifyNoInteractions(registrations);
    }

    @Test
    @DisplayName("R-PRE-2: fields of a wrong type are listed with every other broken rule, and nothing is stored")
    void unreadableFieldsAreCountedThenListedWithTheRules() {
        var form = form("anne@example.be");
        when(registrations.check(form))
                .thenReturn(List.of(Violation.of("gender", "required"), Violation.of("phone", "phone.invalid")));
        var submission = solved(form, null);
        var outcome = submissions.accept(new Submission(
                form,
                submission.clientAddress(),
                null,
                submission.challenge(),
                submission.nonce(),
                List.of(Violation.of("gender", "choice.invalid", "F, M, X"))));
        assertThat(outcome)
                .isEqualTo(new SubmissionOutcome.Invalid(List.of(
                        Violation.of("gender", "choice.invalid", "F, M, X"), Violation.of("phone", "phone.invalid"))));
        assertThat(hits).hasSize(3);
        verify(registrations, never()).submit(any(), any());
    }

    @Test
    @DisplayName("R-PRE-3: the storage's answers become outcomes: accepted, invalid, concurrent")
    void theStoragesAnswers() {
        var form = form("anne@example.be");
        when(registrations.submit(eq(form), any()))
                .thenReturn(new PreRegistrationService.Submitted(
                        "B950042", PreRegistrationStatus.AWAITING_EMAIL_CONFIRMATION, true));
        assertThat(submissions.accept(solved(form, "")))
                .isEqualTo(new SubmissionOutcome.Accepted(
                        "B950042", PreRegistrationStatus.AWAITING_EMAIL_CONFIRMATION, true));

        doThrow(new PreRegistrationRejectedException(List.of(Violation.of("email", "email.university"))))
                .when(registrations)
                .submit(eq(form), any());
        assertThat(submissions.accept(solved(form, null)))
                .isEqualTo(new SubmissionOutcome.Invalid(List.of(Violation.of("email", "email.university"))));

        doThrow(new PreRegistrationService.ConcurrentSubmissionException())
                .when(registrations)
                .submit(eq(form), any());
        assertThat(submissions.accept(solved(form, null))).isEqualTo(new SubmissionOutcome.Concurrent());
    }

    @ParameterizedTest(name = "''{0}'' is stored as ''{1}''")
    @DisplayName("R-CON-1, R-PRE-6: spellings the record stores identically share one rate-limit and double-submit key")
    @CsvSource(
            delimiter = '|',
            value = {
                "'Anne.Dupont@Example.BE '             | Anne.Dupont@example.be",
                "'  Anne.Dupont@example.be.'           | Anne.Dupont@example.be",
                "Ａｎｎｅ.Ｄｕｐｏｎｔ＠ｅｘａｍｐｌｅ．ｂｅ | Anne.Dupont@example.be",
                "Anne.Dupont@bücher.be                 | Anne.Dupont@xn--bcher-kva.be",
                "Anne.Dupont@BÜCHER.be                 | Anne.Dupont@xn--bcher-kva.be",
            })
    void oneStoredAddressOneKey(String typed, String stored) {
        assertThat(EmailAddress.parse(typed).value()).isEqualTo(stored);
        assertThat(EmailAddress.parse(stored).value()).isEqualTo(stored);

        assertThat(emailCountedFor(typed)).isEqualTo(emailCountedFor(stored));
        assertThat(PreRegistrationService.submissionKey(form(typed), SubmittedEmail.of(typed)))
                .isEqualTo(PreRegistrationService.submissionKey(form(stored), SubmittedEmail.of(stored)));
    }

    @Test
    @DisplayName("R-PRE-6: the local part keeps its letter case on the record, but one mailbox is one count")
    void theLettersCaseOfTheLocalPartIsOneMailbox() {
        assertThat(EmailAddress.parse("Anne.Dupont@example.be").value())
                .isNotEqualTo(EmailAddress.parse("anne.dupont@example.be").value());
        assertThat(emailCountedFor("Anne.Dupont@Example.BE ")).isEqualTo(emailCountedFor("anne.dupont@example.be"));
        assertThat(PreRegistrationService.submissionKey(
                        form("Anne.Dupont@Example.BE "), SubmittedEmail.of("Anne.Dupont@Example.BE ")))
                .isEqualTo(PreRegistrationService.submissionKey(
                        form("anne.dupont@example.be"), SubmittedEmail.of("anne.dupont@example.be")));
        assertThat(emailCountedFor("anne.dupont@example.be")).isNotEqualTo(emailCountedFor("anne.dupond@example.be"));
    }

    /** The value the rate limit counts for the e-mail (before the shared limits hash it). */
    String emailCountedFor(String email) {
        hits.clear();
        rateLimiter.acquire("192.0.2.7", SubmittedEmail.of(email));
        return hits.stream()
                .filter(h -> h.startsWith(RateLimiter.SCOPE + "email="))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("R-CON-1: an e-mail that does not parse is still counted, and refused with the rules' own message")
    void anUnparseableEmailIsCountedAndRefusedAsBefore() {
        var rules = TestSettings.rules();
        var patrons = mock(Patrons.class);
        when(patrons.validate(any(), any(), any())).thenAnswer(call -> {
            try {
                return new Patrons.Validation(
                        List.of(),
                        rules.check(call.<PatronDraft>getArgument(1), PatronKind.B, PatronRules.Actor.PUBLIC)
                                .warnings());
            } catch (PatronRuleException e) {
                return new Patrons.Validation(e.violations(), List.of());
            }
        });
        var service = new PreRegistrationService(
                mock(PreRegistrationRepository.class),
                patrons,
                mock(DuplicateSearch.class),
                TestSettings.uliege(),
                settings(),
                mock(ApplicationEventPublisher.class),
                Clock.systemUTC(),
                mock(PlatformTransactionManager.class),
                mock(JdbcTemplate.class));
        submissions = new PublicSubmissions(service, proofOfWork, rateLimiter);

        var typed = " Anne.Dupont@@Example.be";
        assertThat(SubmittedEmail.of(typed).checked()).isEmpty();
        var outcome = submissions.accept(solved(form(typed), null));

        assertThat(hits).contains(RateLimiter.SCOPE + "email=anne.dupont@@example.be");
        assertThat(outcome).isEqualTo(new SubmissionOutcome.Invalid(List.of(Violation.of("email", "email.format"))));
        var refusal = ((SubmissionOutcome.Invalid) outcome).violations().getFirst();
        assertThat(Messages.text(Locale.ENGLISH, refusal.messageKey()))
                .isEqualTo("Wrong e-mail address. It is written name@domain.be, with a single @.");
        verify(patrons, never()).reservePreRegistrationIdentifier();
    }
}
