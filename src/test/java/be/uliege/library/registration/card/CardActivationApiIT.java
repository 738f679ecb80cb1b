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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-CARD-5 through the public API on the embedded MariaDB: 200 once the pair is right, the same
 * neutral 422 whether the identifier exists or not, 429 with Retry-After once the identifier backs
 * off or past the client's limit (no more 423: cards do not lock); 10,000 guesses never activate a
 * card; the real code works after staff lift the back-off; a reprint's code replaces the old one.
 * The back-off itself, with a clock that moves: {@link CardActivationBackoffIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class CardActivationApiIT {

    /**
     * The application's time stands still while ten thousand guesses are made (a minute or more on a
     * slow machine): the back-off's waits pass only when the test says so. The client limits count
     * in the database's time, as in production.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class StillClock {
        @Bean
        @Primary
        MutableClock stillClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    @Autowired
    Cards cards;

    @Autowired
    ActivationLimiter limiter;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronHistory patronHistory;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void freshLimits() {
        limiter.reset();
    }

    /**
     * Runs as the desk operator in this thread: this class's web-server context may not own the
     * security-context strategy another test context installed since (see DeskFixtures.as).
     */
    static <T> T operator(Supplier<T> action) {
        return DeskFixtures.as("operator", action, Roles.DESK_OPERATOR);
    }

    /** The first card by an operator, reprints by a desk manager (R-DESK-1). */
    Cards.Printed print(long patronId, Cards.Reason reason, Cards.Printing printing) {
        return DeskFixtures.as(
                reason == Cards.Reason.FIRST ? "operator" : "manager",
                () -> cards.print(patronId, "ALP", reason, printing),
                Roles.DESK_OPERATOR,
                Roles.DESK_MANAGER);
    }

    PatronDetails externalPatron(String lastName) {
        return operator(() -> patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Noémie",
                        lastName,
                        Gender.F,
                        LocalDate.of(1988, 8, 8),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("card." + UUID.randomUUID() + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 44 55 66", ContactUsage.MOBILE),
                                ContactDraft.address("Place du Marché 7", "4000", "Liège", "BE")))));
    }

    HttpResponse<String> activate(String identifier, String code) {
        var body = "{\"identifier\":\"" + identifier + "\",\"code\":\"" + code + "\"}";
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/card-activations"))
                            .header("Content-Type", "application/json")
                            .header("Accept-Language", "fr")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String otherCode(String code, int n) {
        return String.format("%04d", (Integer.parseInt(code) + 1 + n) % 10_000);
    }

    @Test
    void theRightPairActivatesOnce_aWrongPairGetsTheSameAnswerWhetherTheCardExistsOrNot() {
        var patron = externalPatron("Activée-En-Ligne");
        var printed = print(patron.id(), Cards.Reason.FIRST, Cards.Printing.CARD_AND_LETTER);
        var code = printed.print().activationCode();
        assertThat(code).matches("\\d{4}");
        assertThat(printed.print().identifier()).isEqualTo(patron.primaryIdentifier());
        assertThat(printed.print().addressLines()).containsExactly("Place du Marché 7", "4000 Liège");
        assertThat(jdbc.queryForObject("select code_hash from card where id = ?", String.class, printed.cardId()))
                .as("only a keyed hash is stored")
                .hasSize(64)
                .doesNotContain(code);

        var wrong = activate(patron.primaryIdentifier(), otherCode(code, 0));
        var unknown = activate("B999998", code);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(activate(patron.primaryIdentifier(), "12a4").statusCode())
                .as("malformed: the same answer")
                .isEqualTo(422);

        var ok = activate(patron.primaryIdentifier().toLowerCase(), code);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("ACTIVATED");
        assertThat(operator(() -> cards.current(patron.id())).orElseThrow().status())
                .isEqualTo(Cards.Status.ACTIVE);
        assertThat(activate(patron.primaryIdentifier(), code).body())
                .as("activated once")
                .contains("ALREADY_ACTIVE");
        assertThat(operator(() -> patronHistory.lines(patron.id())))
                .extracting(HistoryLine::newValue)
                .contains("activated online");

        // A reprint (defective chip, free): a new code, the old one no longer works.
        var reprint = print(patron.id(), Cards.Reason.DEFECTIVE_CHIP, Cards.Printing.CARD_AND_LETTER);
        var newCode = reprint.print().activationCode();
        if (!code.equals(newCode)) {
            assertThat(activate(patron.primaryIdentifier(), code).statusCode()).isEqualTo(422);
        }
        assertThat(activate(patron.primaryIdentifier(), newCode).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> print(patron.id(), Cards.Reason.FIRST, Cards.Printing.CARD_AND_LETTER))
                .as("a reprint names its reason")
                .isInstanceOf(PatronRuleException.class);
        assertThatThrownBy(() -> DeskFixtures.as(
                        "manager",
                        () -> cards.print(patron.id(), "BSA", Cards.Reason.DAMAGED, Cards.Printing.ALREADY_ACTIVATED),
                        Roles.DESK_OPERATOR,
                        Roles.DESK_MANAGER))
                .as("only configured sites print activated cards")
                .isInstanceOf(PatronRuleException.class);
        var activated = print(patron.id(), Cards.Reason.DEFECTIVE_CHIP, Cards.Printing.ALREADY_ACTIVATED);
        assertThat(activated.print().activationCode()).isNull();
        assertThat(operator(() -> cards.current(patron.id())).orElseThrow().status())
                .isEqualTo(Cards.Status.ACTIVE);
    }

    @Test
    void tenThousandGuesses_noneSucceeds_theBackoffAndTheLimitsEngage_theRealCodeWorksAfterStaffUnlock() {
        var patron = externalPatron("Devinée");
        var code = print(patron.id(), Cards.Reason.FIRST, Cards.Printing.CARD_AND_LETTER)
                .print()
                .activationCode();

        var statuses = new HashMap<Integer, Integer>();
        String retryAfter = null;
        for (int n = 0; n < 10_000; n++) {
            var guess = String.format("%04d", n);
            if (guess.equals(code)) {
                continue;
            }
            var response = activate(patron.primaryIdentifier(), guess);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 429 && retryAfter == null) {
                retryAfter = response.headers().firstValue("Retry-After").orElse("missing");
            }
        }
        assertThat(statuses).doesNotContainKey(200);
        assertThat(statuses.get(422)).as("wrong codes before the back-off").isEqualTo(5);
        assertThat(statuses).as("no lock any more").doesNotContainKey(423);
        assertThat(statuses.get(429))
                .as("the back-off, then the client's limit")
                .isGreaterThan(9_000);
        assertThat(retryAfter).matches("\\d+");
        assertThat(Integer.parseInt(retryAfter))
                .as("the first wait: one minute")
                .isBetween(1, 60);
        var card = operator(() -> cards.current(patron.id())).orElseThrow();
        assertThat(card.failedAttempts()).isEqualTo(5);
        assertThat(card.status()).isEqualTo(Cards.Status.PRINTED);

        // The first minute's wait passes, in the client's next window: one more wrong code waits
        // 2 minutes, and the right code is refused while the identifier waits.
        clock.advance(Duration.ofMinutes(1));
        limiter.reset();
        assertThat(activate(patron.primaryIdentifier(), otherCode(code, 1)).statusCode())
                .isEqualTo(422);
        assertThat(activate(patron.primaryIdentifier(), code).statusCode()).isEqualTo(429);
        assertThat(operator(() -> cards.current(patron.id())).orElseThrow().delayed())
                .isTrue();

        // Staff lift the back-off: the real code works.
        assertThat(operator(() -> cards.unlock(patron.id()))).isTrue();
        assertThat(activate(patron.primaryIdentifier(), code).statusCode()).isEqualTo(200);
        assertThat(operator(() -> cards.current(patron.id())).orElseThrow().status())
                .isEqualTo(Cards.Status.ACTIVE);
    }

    @Test
    void guessesSpreadOverManyNetworks_stillStopAtTheIdentifiersBackoff() {
        var patron = externalPatron("Distribuée");
        var code = print(patron.id(), Cards.Reason.FIRST, Cards.Printing.CARD_AND_LETTER)
                .print()
                .activationCode();
        var outcomes = new HashMap<String, Integer>();
        for (int n = 0; n < 10_000; n++) {
            var guess = String.format("%04d", n);
            if (guess.equals(code)) {
                continue;
            }
            // Each guess from another address of another network: no client limit applies.
            var client = "10." + (n / 256 % 256) + "." + (n % 256) + ".7";
            try {
                outcomes.merge(
                        cards.activate(patron.primaryIdentifier(), guess, client)
                                .name(),
                        1,
                        Integer::sum);
            } catch (ActivationDelayedException e) {
                outcomes.merge("DELAYED", 1, Integer::sum);
            }
        }
        assertThat(outcomes).containsOnlyKeys(Cards.Outcome.WRONG.name(), "DELAYED");
        assertThat(outcomes.get(Cards.Outcome.WRONG.name()))
                .as("the identifier's free wrong codes, all networks together")
                .isEqualTo(10);
        assertThatThrownBy(() -> cards.activate(patron.primaryIdentifier(), code, "192.0.2.1"))
                .as("the right code waits too")
                .isInstanceOf(ActivationDelayedException.class);
        assertThat(operator(() -> cards.current(patron.id())).orElseThrow().status())
                .isEqualTo(Cards.Status.PRINTED);
        assertThat(Map.of(
                        "history",
                        operator(() -> patronHistory.lines(patron.id())).stream()
                                .map(HistoryLine::newValue)
                                .toList()))
                .extractingByKey("history")
                .asString()
                .doesNotContain("activated online");
    }
}
