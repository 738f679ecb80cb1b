package be.uliege.library.registration.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every failure of the public API is an honest {@code application/problem+json} on a real server
 * (the servlet container's {@code /error} dispatch included): never Vaadin's HTML page, never a
 * redirection to the login page, never a stack trace (R-PRE-6, issue 12). The failures a test
 * cannot get from the real application (a bug, a dependency down for one call, a filter failing
 * ahead of the API's own, an answer lost after the commit) come from test-only beans below.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"preregistration.challenge.enabled=false", "preregistration.rate-limit.enabled=false"})
class ApiProblemsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEM = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @TestConfiguration
    static class Failures {

        /** Failures a controller of the API may meet (a member of this configuration, so a bean of it). */
        @RestController
        @RequestMapping("/api/v1/test-failures")
        static class FailingController {

            @GetMapping("/bug")
            Map<String, String> bug() {
                throw new IllegalStateException("secret detail of a bug");
            }

            @GetMapping("/database")
            Map<String, String> database() {
                throw new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("request timed out after 3000ms"));
            }

            @GetMapping("/directory")
            Map<String, String> directory() throws LDAPException {
                throw new LDAPException(ResultCode.SERVER_DOWN, "directory down");
            }
        }

        /** A filter ahead of the API's own that fails: the container's /error dispatch must answer. */
        @Bean
        FilterRegistrationBean<Filter> failingAhead() {
            Filter filter = (request, response, chain) -> {
                if (((HttpServletRequest) request).getHeader("X-Test-Fail-Ahead") != null) {
                    throw new IllegalStateException("a filter ahead failed");
                }
                chain.doFilter(request, response);
            };
            var registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            return registration;
        }

        /**
         * The request is served and committed, then its answer is lost (the connection broke, a proxy
         * timed out): the client sees a failure although the pre-registration is stored.
         */
        @Bean
        FilterRegistrationBean<Filter> answerLostAfterCommit() {
            Filter filter = (request, response, chain) -> {
                if (((HttpServletRequest) request).getHeader("X-Test-Lose-Answer") == null) {
                    chain.doFilter(request, response);
                    return;
                }
                var held = new ContentCachingResponseWrapper((HttpServletResponse) response);
                chain.doFilter(request, held);
                throw new IOException("Connection reset after the commit (test)");
            };
            var registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(ApiConfiguration.ORDER + 1);
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            return registration;
        }
    }

    @BeforeEach
    void listen() {
        log.start();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ApiProblems.class)).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ApiProblems.class)).detachAppender(log);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
    }

    /** A problem+json answer with this status; its body. */
    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
        var body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank().doesNotStartWith("api.");
        assertThat(body.get("detail").asString()).isNotBlank().doesNotStartWith("api.");
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("<html");
        return body;
    }

    static String preRegistration(String email) {
        return """
                {"firstName":"Élodie","lastName":"Problème","birthDate":"1990-04-12","gender":"F",
                 "preferredLanguage":"fre","email":"%s","phone":"0475 12 34 56",
                 "address":{"line1":"Rue de la Cathédrale 12 bte 3","postalCode":"4000","city":"Liège","country":"BE"},
                 "jobCategory":"AUTRE HE / UNIV","jobDescription":"Haute École Charlemagne","use":"PRIVATE",
                 "privacyNoticeVersion":"2026-1","privacyNoticeAccepted":true}""".formatted(email);
    }

    HttpRequest.Builder postJson(String path, String body) {
        return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void anUnknownApiAddressIsA404Problem_notVaadinsPage_inTheClientsLanguage() {
        var english = problem(send(request("/api/v1/nothing-here").header("Accept-Language", "en")), 404);
        assertThat(english.get("title").asString()).isEqualTo("Not found");
        var german = problem(send(request("/api/v1/nothing-here").header("Accept-Language", "de-BE,de;q=0.9")), 404);
        assertThat(german.get("title").asString()).isEqualTo("Nicht gefunden");
        var french = problem(send(request("/api/v1/pre-registrations/B950001/anything")), 404);
        assertThat(french.get("title").asString()).isEqualTo("Introuvable");
        // An unknown postal code names itself.
        assertThat(problem(send(request("/api/v1/postal-codes/9999").header("Accept-Language", "en")), 404)
                        .get("detail")
                        .asString())
                .contains("postal code");
    }

    @Test
    void outsideVersionOneTheApiIsUnknown_a404Problem_neverTheLoginPage() {
        var unknown = send(request("/api/v2/pre-registrations"));
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
        problem(unknown, 404);
        problem(send(request("/api").header("Accept", "text/html")), 404);
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        var response = send(request("/api/v1/pre-registrations")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));
        problem(response, 405);
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertThat(send(request("/api/v1/reference/job-categories").DELETE())
                        .headers()
                        .firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void aWrongMediaTypeIs415_andAnUnacceptableOneIs406_bothAsProblems() {
        var text = send(request("/api/v1/card-activations")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("B100001 4821")));
        assertThat(problem(text, 415).get("errors").get(0).get("code").asString())
                .isEqualTo("body.media-type");
        problem(send(request("/api/v1/reference/job-categories").header("Accept", "application/xml")), 406);
        problem(
                send(postJson("/api/v1/card-activations", "{\"identifier\":\"B100001\",\"code\":\"0000\"}")
                        .header("Accept", "text/html")),
                406);
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        long started = System.nanoTime();
        // 60 MB announced, a single byte sent: the answer cannot wait for the body.
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(
                    ("POST /api/v1/pre-registrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "Accept-Language: en\r\nContent-Length: 60000000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var answer = readResponse(socket.getInputStream());
            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .contains("Content-Type: " + PROBLEM)
                    .contains("\"code\":\"body.too-large\"")
                    .contains("64 KB");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit_while_aBodyUnderTheLimitIsRead() {
        var big = "{\"firstName\":\"" + "x".repeat(200_000) + "\"}";
        var chunked = send(request("/api/v1/pre-registrations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(problem(chunked, 413).get("errors").get(0).get("code").asString())
                .isEqualTo("body.too-large");
        var cardChunked = send(request("/api/v1/card-activations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        problem(cardChunked, 413);
        // 60 KB is under the limit: read, and answered with the field's own error.
        var under = send(postJson(
                "/api/v1/pre-registrations",
                preRegistration("x@example.be").replace("\"Élodie\"", "\"" + "y".repeat(60_000) + "\"")));
        assertThat(under.statusCode()).as(under.body()).isEqualTo(422);
    }

    @Test
    void aPropertyTwiceIsRefusedWithItsName() {
        var twice = send(postJson(
                        "/api/v1/pre-registrations",
                        preRegistration(unique())
                                .replace(
                                        "{\"firstName\":\"Élodie\"", "{\"firstName\":\"Élodie\",\"firstName\":\"Eve\""))
                .header("Accept-Language", "en"));
        var body = problem(twice, 400);
        assertThat(body.get("detail").asString()).contains("“firstName”");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("body.duplicate-key");
        var card = send(postJson(
                "/api/v1/card-activations", "{\"identifier\":\"B100001\",\"code\":\"0000\",\"code\":\"4821\"}"));
        assertThat(problem(card, 400).get("errors").get(0).get("message").asString())
                .contains("code");
        // Malformed JSON stays a 400 of its own.
        assertThat(problem(send(postJson("/api/v1/card-activations", "{\"identifier\":")), 400)
                        .get("errors")
                        .get(0)
                        .get("code")
                        .asString())
                .isEqualTo("body.malformed");
    }

    @Test
    void aBugIs500WithAnErrorIdThatTheLogCarries_neverTheStackTrace() {
        var response = send(request("/api/v1/test-failures/bug").header("Accept-Language", "en"));
        var body = problem(response, 500);
        var id = body.get("errorId").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(body.get("detail").asString()).contains(id);
        assertThat(response.body()).doesNotContain("secret detail");
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains(id).contains("/api/v1/test-failures/bug");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("secret detail of a bug");
        });
        // Two failures, two ids.
        assertThat(problem(send(request("/api/v1/test-failures/bug")), 500)
                        .get("errorId")
                        .asString())
                .isNotEqualTo(id);
    }

    @Test
    void anUnavailableDependencyIs503WithRetryAfter() {
        for (var path : new String[] {"/api/v1/test-failures/database", "/api/v1/test-failures/directory"}) {
            var response = send(request(path));
            var body = problem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("30");
            assertThat(body.has("errorId")).isFalse();
        }
    }

    @Test
    void failuresThatReachTheContainersErrorDispatchAreProblemsToo() {
        // A filter ahead of the API's own fails: the container dispatches to /error.
        var failed = send(request("/api/v1/reference/job-categories").header("X-Test-Fail-Ahead", "yes"));
        assertThat(problem(failed, 500).get("errorId").asString()).isNotBlank();
        // The firewall refuses a path parameter: Spring Security sends a 400 through /error.
        problem(send(request("/api/v1/postal-codes/4000;x=1")), 400);
        // Vaadin's pages and the photo service keep their own answers.
        var photo = send(request("/photos/B100001.jpg").PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(photo.statusCode()).isEqualTo(404);
        assertThat(photo.body()).isEmpty();
        assertThat(send(request("/photos/B100001;x=1.jpg")).body()).isEmpty();
    }

    @Test
    void aSubmissionWhoseAnswerWasLostAfterTheCommitIsFoundAgain_once() {
        var body = preRegistration(unique());
        var count = jdbc.queryForObject("select count(*) from patron", Long.class);
        var lost = send(postJson("/api/v1/pre-registrations", body).header("X-Test-Lose-Answer", "yes"));
        assertThat(problem(lost, 500).get("errorId").asString()).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from patron", Long.class))
                .as("committed")
                .isEqualTo(count + 1);

        var again = send(postJson("/api/v1/pre-registrations", body));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        var id = JSON.readTree(again.body()).get("id").asString();
        assertThat(jdbc.queryForObject(
                        "select count(*) from pre_registration where patron_identifier = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from patron", Long.class))
                .isEqualTo(count + 1);
    }

    /** Status line, headers and the body of its Content-Length, without waiting for the connection to close. */
    static String readResponse(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        var headers = head.toString(StandardCharsets.ISO_8859_1);
        var length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
        var body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    static String unique() {
        return "problem." + UUID.randomUUID().toString().substring(0, 8) + "@example.be";
    }
}
