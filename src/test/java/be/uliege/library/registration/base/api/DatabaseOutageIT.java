package be.uliege.library.registration.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.embedded.EmbeddedServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fault drill on the real embedded MariaDB (issue 12): the server is stopped under a running
 * application. A pre-registration then gets a 503 problem with {@code Retry-After} within seconds
 * (it waited 30 s for a connection and got Vaadin's HTML page with 200 before), readiness says DOWN
 * quickly while liveness stays UP, and once the database is back the same submission is stored once
 * (R-PRE-6: idempotent across the outage). The context is closed afterwards: its pool lived through
 * the outage.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"preregistration.challenge.enabled=false", "preregistration.rate-limit.enabled=false"})
@DirtiesContext
class DatabaseOutageIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    HttpResponse<String> submit(String body) {
        return send(request("/api/v1/pre-registrations")
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The answer and how long it took. */
    record Timed(HttpResponse<String> response, Duration took) {}

    Timed timed(Supplier<HttpResponse<String>> call) {
        long started = System.nanoTime();
        var response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    @Test
    void withTheDatabaseStopped_the503ComesFast_readinessIsDown_andTheResubmissionIsStoredOnce() throws Exception {
        var servers = Objects.requireNonNull(EmbeddedServers.running());
        var body = ApiProblemsIT.preRegistration(ApiProblemsIT.unique());
        assertThat(send(request("/actuator/health/readiness")).statusCode()).isEqualTo(200);

        servers.stopDatabase();
        try {
            var refused = timed(() -> submit(body));
            var problem = ApiProblemsIT.problem(refused.response(), 503);
            assertThat(refused.took()).isLessThan(Duration.ofSeconds(10));
            assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("30");
            assertThat(problem.get("detail").asString()).contains("30 seconds");

            var readiness = timed(() -> send(request("/actuator/health/readiness")));
            assertThat(readiness.response().statusCode()).isEqualTo(503);
            assertThat(readiness.response().body()).contains("DOWN");
            assertThat(readiness.took()).isLessThan(Duration.ofSeconds(10));

            var liveness = timed(() -> send(request("/actuator/health/liveness")));
            assertThat(liveness.response().statusCode()).isEqualTo(200);
            assertThat(liveness.response().body()).contains("UP");
            assertThat(liveness.took()).isLessThan(Duration.ofSeconds(2));
        } finally {
            servers.startDatabase();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (send(request("/actuator/health/readiness")).statusCode() != 200) {
            assertThat(System.nanoTime()).as("ready again within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        var stored = submit(body);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        var again = submit(body);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asString())
                .isEqualTo(JSON.readTree(stored.body()).get("id").asString());
    }
}
