package be.uliege.library.registration.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.base.MutableClock;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.security.Roles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R-CARD-5, the activation back-off that replaced the per-card lock, on the embedded MariaDB with a
 * clock the test moves (docs/decisions/0008-card-activation-backoff.md): byte-identical answers
 * for an identifier with a card, one without and one that does not exist; a wait that grows and
 * expires, the right code waiting too; a stranger delays the patron at most the identifier's
 * ceiling; the identifier's budget holds across 1,000 networks; the alert; the desk's lift and
 * activation. The client limits are raised here, so that only the back-off answers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registration.cards.per-address=1000000", "registration.cards.per-network=1000000"})
@ExtendWith(OutputCaptureExtension.class)
class CardActivationBackoffIT {

    /** Far enough ahead that no other test's state or alert is within any window here. */
    static final Instant START = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MILLIS);

    @TestConfiguration(proxyBeanMethods = false)
    static class MovingClock {
        @Bean
        @Primary
        MutableClock movingClock() {
            return new MutableClock(START);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Cards cards;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronHistory patronHistory;

    @Autowired
    ActivationBackoff backoff;

    @Autowired
    ActivationBackoffSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Clock applicationClock;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void aFreshStretchOfTime() {
        assertThat(applicationClock)
                .as("the application runs on the moving clock")
                .isSameAs(clock);
        // Past every wait, forget-after and alert window of the previous test.
        clock.advance(Duration.ofDays(60));
    }

    @AfterEach
    void forgetTheFuture() {
        var future = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
        jdbc.update("delete from card_activation_backoff where changed_at > ?", future);
        jdbc.update("delete from card_activation_alert where raised_at > ?", future);
    }

    static <T> T operator(Supplier<T> action) {
        return DeskFixtures.as("operator", action, Roles.DESK_OPERATOR);
    }

    PatronDetails externalPatron(String lastName) {
        return operator(() -> patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Noé",
                        lastName,
                        Gender.M,
                        LocalDate.of(1990, 3, 3),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(
                                        "backoff." + UUID.randomUUID() + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 44 55 66", ContactUsage.MOBILE),
                                ContactDraft.address("Place du Marché 7", "4000", "Liège", "BE")))));
    }

    String printedCard(PatronDetails patron) {
        return operator(() -> cards.print(patron.id(), "ALP", Cards.Reason.FIRST, Cards.Printing.CARD_AND_LETTER))
                .print()
                .activationCode();
    }

    static String unknownIdentifier() {
        return "ZZ" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    static String wrong(String code, int n) {
        return String.format("%04d", (Integer.parseInt(code) + 1 + n) % 10_000);
    }

    /** What a client sees of an answer. */
    record Answer(int status, String retryAfter, String contentType, String body) {}

    Answer post(String identifier, String code) {
        var body = "{\"identifier\":\"" + identifier + "\",\"code\":\"" + code + "\"}";
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/card-activations"))
                            .header("Content-Type", "application/json")
                            .header("Accept-Language", "fr")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(""),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The wait an attempt is told, or -1 when it was examined. */
    long waitOf(String identifier, String code, String client) {
        try {
            cards.activate(identifier, code, client);
            return -1;
        } catch (ActivationDelayedException e) {
            return e.retryAfterSeconds();
        }
    }

    @Test
    void anIdentifierWithACard_oneWithout_andOneThatDoesNotExist_getByteIdenticalAnswers_overASequenceOfTries() {
        var withCard = externalPatron("Avec-Carte");
        var code = printedCard(withCard);
        var withoutCard = externalPatron("Sans-Carte").primaryIdentifier();
        var unknown = unknownIdentifier();
        // Step by step: how far the clock moves first, whether the card's patron types the right code, the status.
        record Step(long seconds, boolean right, int status, String retryAfter) {}
        var steps = List.of(
                new Step(0, false, 422, ""),
                new Step(0, false, 422, ""),
                new Step(0, false, 422, ""),
                new Step(0, false, 422, ""),
                new Step(0, false, 422, ""), // the free wrong codes
                new Step(0, true, 429, "60"), // the right code waits like any other
                new Step(30, false, 429, "30"),
                new Step(30, false, 422, ""), // examined again: the 6th wrong code
                new Step(0, true, 429, "120"),
                new Step(120, false, 422, ""),
                new Step(0, false, 429, "240"));
        int n = 0;
        for (var step : steps) {
            clock.advance(Duration.ofSeconds(step.seconds()));
            var guess = wrong(code, n++);
            var a = post(withCard.primaryIdentifier(), step.right() ? code : guess);
            var b = post(withoutCard, guess);
            var c = post(unknown, guess);
            assertThat(a).as("step %d", n).isEqualTo(b).isEqualTo(c);
            assertThat(a.status()).as("step %d", n).isEqualTo(step.status());
            assertThat(a.retryAfter()).as("step %d", n).isEqualTo(step.retryAfter());
            assertThat(a.contentType()).isEqualTo("application/problem+json");
        }
        assertThat(post(unknown, code).body()).as("the wait, in words").contains("4 minute(s)");
        assertThat(operator(() -> cards.current(withCard.id())).orElseThrow().status())
                .isEqualTo(Cards.Status.PRINTED);
        clock.advance(Duration.ofMinutes(4));
        assertThat(post(withCard.primaryIdentifier(), code).status())
                .as("after the wait, the right code works")
                .isEqualTo(200);
    }

    @Test
    void theWaitGrowsWithEachWrongCodeAndExpires_theRightCodeWaitsToo_thenActivates() {
        var patron = externalPatron("Patiente");
        var id = patron.primaryIdentifier();
        var code = printedCard(patron);
        var client = "198.51.100.7";
        for (int n = 0; n < 5; n++) {
            assertThat(cards.activate(id, wrong(code, n), client)).isEqualTo(Cards.Outcome.WRONG);
        }
        assertThat(waitOf(id, wrong(code, 9), client)).isEqualTo(60);
        clock.advance(Duration.ofSeconds(59));
        assertThat(waitOf(id, code, client))
                .as("the right code, one second early")
                .isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cards.activate(id, wrong(code, 5), client)).isEqualTo(Cards.Outcome.WRONG);
        assertThat(waitOf(id, wrong(code, 9), client)).isEqualTo(120);
        clock.advance(Duration.ofSeconds(120));
        assertThat(cards.activate(id, wrong(code, 6), client)).isEqualTo(Cards.Outcome.WRONG);
        assertThat(waitOf(id, code, client))
                .as("the right code waits as long as a wrong one")
                .isEqualTo(240)
                .isEqualTo(waitOf(id, wrong(code, 9), client));
        clock.advance(Duration.ofSeconds(240));
        assertThat(cards.activate(id, code, client)).isEqualTo(Cards.Outcome.ACTIVATED);

        // The ceiling: never more than a day for one network, never a permanent lock.
        assertThat(backoff.delay(4, 5, settings.maxPerNetwork())).isNull();
        assertThat(backoff.delay(5, 5, settings.maxPerNetwork())).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delay(15, 5, settings.maxPerNetwork())).isEqualTo(Duration.ofMinutes(1024));
        assertThat(backoff.delay(16, 5, settings.maxPerNetwork())).isEqualTo(Duration.ofHours(24));
        assertThat(backoff.delay(5_000, 5, settings.maxPerNetwork())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aStrangersWrongCodes_delayThePatronOnAnotherNetwork_atMostTheIdentifiersCeiling() {
        var patron = externalPatron("Harcelée");
        var id = patron.primaryIdentifier();
        var code = printedCard(patron);
        var stranger = "198.51.100.66";
        var home = "203.0.113.9";
        var ceiling = settings.maxPerIdentifier().toSeconds();
        int failures = 0;
        while (failures < 20) { // the stranger tries again the moment they may
            long wait = waitOf(id, wrong(code, failures), stranger);
            if (wait < 0) {
                failures++;
            } else {
                assertThat(wait).isPositive();
                clock.advance(Duration.ofSeconds(wait));
            }
        }
        // Right after the stranger's 20th wrong code, the worst moment for the patron.
        long patronWait = waitOf(id, code, home);
        assertThat(patronWait)
                .as("the patron waits the identifier's ceiling at most")
                .isPositive()
                .isEqualTo(ceiling);
        assertThat(waitOf(id, wrong(code, 99), stranger))
                .as("the stranger waits longer")
                .isGreaterThan(patronWait);
        clock.advance(Duration.ofSeconds(patronWait));
        assertThat(cards.activate(id, code, home)).isEqualTo(Cards.Outcome.ACTIVATED);
        assertThat(operator(() -> patronHistory.lines(patron.id())))
                .extracting(HistoryLine::newValue)
                .contains("activated online");
    }

    @Test
    void theIdentifiersBudgetHoldsAcross1000Networks_27GuessesTheFirstDay_12EachDayAfter() {
        var patron = externalPatron("Assiégée");
        var id = patron.primaryIdentifier();
        var code = printedCard(patron);
        int next = 0;
        int network = 0;
        int polled = 0;
        var perDay = new ArrayList<Integer>();
        for (int day = 0; day < 2; day++) {
            var end = clock.instant().plus(Duration.ofDays(1));
            int examined = 0;
            while (clock.instant().isBefore(end)) {
                var guess = String.format("%04d", next);
                if (guess.equals(code)) {
                    guess = String.format("%04d", ++next);
                }
                var client = "10." + (network / 250) + "." + (network % 250) + ".1";
                network = (network + 1) % 1000;
                long wait = waitOf(id, guess, client);
                if (wait < 0) {
                    next++;
                    examined++;
                    continue;
                }
                // Other networks knock while it waits: refused, and the wait does not grow.
                for (int k = 0; k < 20 && polled < 100; k++, polled++) {
                    assertThat(waitOf(id, guess, "172.16." + k + ".1")).isEqualTo(wait);
                }
                clock.advance(Duration.ofSeconds(wait));
            }
            perDay.add(examined);
        }
        // 10 free, then waits of 1, 2, 4 … 64 minutes, then one guess every 2 hours (see the decision).
        assertThat(perDay).containsExactly(27, 12);
        assertThat(operator(() -> cards.current(patron.id())).orElseThrow().status())
                .isEqualTo(Cards.Status.PRINTED);
    }

    @Test
    void wrongCodesForMoreThan20IdentifiersWithinAnHour_raiseOneAlert_loggedWithoutIdentifiers_shownToTheDesk(
            CapturedOutput output) {
        assertThat(operator(() -> cards.activationAlert())).isEmpty();
        var typed = new ArrayList<String>();
        for (int n = 0; n < 20; n++) {
            var id = unknownIdentifier();
            typed.add(id);
            assertThat(cards.activate(id, "0000", "192.0.2." + n)).isEqualTo(Cards.Outcome.WRONG);
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(operator(() -> cards.activationAlert()))
                .as("20 identifiers: not yet")
                .isEmpty();
        var id = unknownIdentifier();
        typed.add(id);
        cards.activate(id, "0000", "192.0.2.99");
        var alert = operator(() -> cards.activationAlert()).orElseThrow();
        assertThat(alert.identifiers()).isEqualTo(21);
        assertThat(alert.raisedAt()).isEqualTo(clock.instant());
        var warning = output.getAll()
                .lines()
                .filter(l -> l.contains("WARN") && l.contains("21 identifiers got wrong codes"))
                .toList();
        assertThat(warning).hasSize(1);
        assertThat(warning.getFirst())
                .doesNotContain(typed.toArray(String[]::new))
                .doesNotContain("0000");

        cards.activate(unknownIdentifier(), "0000", "192.0.2.100");
        assertThat(output.getAll()).as("one alert per window").doesNotContain("22 identifiers got wrong codes");
        clock.advance(Duration.ofMinutes(61));
        for (int n = 0; n < 21; n++) {
            cards.activate(unknownIdentifier(), "0000", "192.0.2." + n);
        }
        assertThat(operator(() -> cards.activationAlert()).orElseThrow().raisedAt())
                .isAfter(alert.raisedAt());
        clock.advance(Duration.ofDays(1));
        assertThat(operator(() -> cards.activationAlert()))
                .as("shown for a day")
                .isEmpty();
    }

    @Test
    void theDeskLiftsTheBackoffFromEveryNetwork_andActivatesAtTheDesk() {
        var patron = externalPatron("Libérée");
        var id = patron.primaryIdentifier();
        var code = printedCard(patron);
        for (var client : List.of("198.51.100.1", "198.51.101.1")) {
            for (int n = 0; n < 5; n++) {
                cards.activate(id, wrong(code, n), client);
            }
        }
        var card = operator(() -> cards.current(patron.id())).orElseThrow();
        assertThat(card.delayed()).isTrue();
        assertThat(card.failedAttempts()).isEqualTo(10);
        assertThat(waitOf(id, code, "198.51.102.1"))
                .as("the identifier waits from every network")
                .isPositive();

        assertThat(operator(() -> cards.unlock(patron.id()))).isTrue();
        card = operator(() -> cards.current(patron.id())).orElseThrow();
        assertThat(card.delayed()).isFalse();
        assertThat(card.failedAttempts()).isZero();
        assertThat(operator(() -> patronHistory.lines(patron.id())))
                .extracting(HistoryLine::newValue)
                .contains("activation back-off lifted");
        assertThat(cards.activate(id, code, "198.51.100.1")).isEqualTo(Cards.Outcome.ACTIVATED);
        assertThat(operator(() -> cards.unlock(patron.id())))
                .as("nothing left to lift")
                .isFalse();

        var other = externalPatron("Au-Guichet");
        var otherCode = printedCard(other);
        for (int n = 0; n < 5; n++) {
            cards.activate(other.primaryIdentifier(), wrong(otherCode, n), "198.51.100.1");
        }
        assertThat(waitOf(other.primaryIdentifier(), otherCode, "198.51.100.1")).isPositive();
        DeskFixtures.as(
                "operator",
                () -> {
                    cards.activateAtDesk(other.id());
                    return null;
                },
                Roles.DESK_OPERATOR);
        assertThat(operator(() -> cards.current(other.id())).orElseThrow().status())
                .isEqualTo(Cards.Status.ACTIVE);
        assertThat(operator(() -> patronHistory.lines(other.id())))
                .extracting(HistoryLine::newValue)
                .contains("activated at the desk by operator");
        assertThatThrownBy(() -> DeskFixtures.as(
                        "operator",
                        () -> {
                            cards.activateAtDesk(other.id());
                            return null;
                        },
                        Roles.DESK_OPERATOR))
                .isInstanceOf(PatronRuleException.class);
    }
}
