package be.uliege.library.registration.preregistration;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.Application;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances of the application on one database, as behind a load balancer: this test's
 * context (A) and a second one started here (B), both with the same challenge secret, each on its
 * own port, sharing the embedded MariaDB. A client limited on one is limited on the other
 * (R-PRE-6, R-CARD-5), a challenge spent on one is refused by the other (R-PRE-6), and a
 * scheduled job started on both at the same moment runs once (ShedLock).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ClusterIT.SECRET)
@DirtiesContext // its jobs and its secret are this test's only
class ClusterIT {

    static final String SECRET = "preregistration.challenge.secret=one-challenge-secret-for-the-cluster";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Both contexts keep the security-context strategy already in place: Vaadin would otherwise
     * make the newest context's strategy the global one under the other test contexts of the JVM.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedSecurityContextStrategy {
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return SecurityContextHolder.getContextHolderStrategy();
        }
    }

    /** The second instance scans the application only, not the test classes' configurations. */
    static final class NoTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }
    }

    static ConfigurableApplicationContext instanceB;

    @LocalServerPort
    int portA;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PreRegistrationExpiry expiryA;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startInstanceB() {
        instanceB = new SpringApplicationBuilder(Application.class, SharedSecurityContextStrategy.class)
                .initializers(context ->
                        context.getBeanFactory().registerSingleton("noTestConfigurations", new NoTestConfigurations()))
                // Arguments, not default properties: those would yield to application.properties.
                .run("--" + SECRET, "--server.port=0");
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    int portB() {
        return ((WebServerApplicationContext) instanceB).getWebServer().getPort();
    }

    @BeforeEach
    @AfterEach
    void freshLimits() {
        jdbc.update("delete from shared_limit");
    }

    HttpResponse<String> send(int port, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A submission with a challenge issued and solved by the given instance. */
    ObjectNode submission(int challengeFrom, String email) {
        var body = (ObjectNode) JSON.readTree(PreRegistrationApiIT.body(email));
        var challenge = JSON.readTree(
                send(challengeFrom, "/api/v1/pre-registrations/challenge", null).body());
        var c = challenge.get("challenge").asString();
        body.put("challenge", c);
        body.put("nonce", ProofOfWork.solve(c, challenge.get("difficulty").asInt()));
        return body;
    }

    static String email() {
        return "cluster." + UUID.randomUUID().toString().substring(0, 8) + "@example.be";
    }

    @Test
    void aClientLimitedOnOneInstanceIsLimitedOnTheOther() {
        assertThat(portB()).isNotEqualTo(portA);
        // R-PRE-6: five submissions per address and hour, invalid ones included, all sent to A.
        for (int i = 0; i < 5; i++) {
            var invalid = submission(portA, email()).put("gender", "Q");
            assertThat(send(portA, "/api/v1/pre-registrations", invalid.toString())
                            .statusCode())
                    .isEqualTo(422);
        }
        var onB = send(
                portB(),
                "/api/v1/pre-registrations",
                submission(portB(), email()).toString());
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(429);
        assertThat(onB.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 3600L));

        // R-CARD-5: ten activation tries per address in ten minutes, all sent to B; the next, to A, is refused.
        // Each try names another identifier, so that only the client's limit, not an identifier's
        // back-off, can refuse it.
        for (int i = 0; i < 10; i++) {
            var guess = "{\"identifier\":\"B9999%02d\",\"code\":\"0000\"}".formatted(i);
            assertThat(send(portB(), "/api/v1/card-activations", guess).statusCode())
                    .isEqualTo(422);
        }
        var activationOnA = send(portA, "/api/v1/card-activations", "{\"identifier\":\"B999990\",\"code\":\"0000\"}");
        assertThat(activationOnA.statusCode()).isEqualTo(429);
        assertThat(activationOnA.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 600L));
    }

    @Test
    void aChallengeSpentOnOneInstanceIsRefusedByTheOther_andEachAcceptsTheOthersChallenges() {
        var solved = submission(portA, email());
        assertThat(send(portA, "/api/v1/pre-registrations", solved.toString()).statusCode())
                .isEqualTo(201);

        var replayed = send(
                portB(),
                "/api/v1/pre-registrations",
                solved.put("email", email()).toString());
        assertThat(replayed.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(replayed.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("challenge");

        // Signed with the same secret: B's challenge is good on A, once.
        var fromB = submission(portB(), email());
        assertThat(send(portA, "/api/v1/pre-registrations", fromB.toString()).statusCode())
                .isEqualTo(201);
        assertThat(send(
                                portB(),
                                "/api/v1/pre-registrations",
                                fromB.put("email", email()).toString())
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void aJobStartedOnBothInstancesAtTheSameMomentRunsOnce() throws Exception {
        var expiryB = instanceB.getBean(PreRegistrationExpiry.class);
        assertThat(expiryB).isNotSameAs(expiryA);
        var lock = "preregistration-expiry";
        jdbc.update("update shedlock set lock_until = utc_timestamp(3) where name = ?", lock);
        var runs = new ListAppender<ILoggingEvent>();
        var logger = (Logger) LoggerFactory.getLogger(PreRegistrationExpiry.class);
        runs.start();
        logger.addAppender(runs);
        try {
            var together = new CyclicBarrier(2);
            try (var pool = Executors.newFixedThreadPool(2)) {
                Future<?> a = pool.submit(() -> {
                    together.await();
                    expiryA.scheduledRun();
                    return null;
                });
                Future<?> b = pool.submit(() -> {
                    together.await();
                    expiryB.scheduledRun();
                    return null;
                });
                a.get();
                b.get();
            }
            assertThat(runs.list)
                    .filteredOn(e -> e.getFormattedMessage().startsWith("Pre-registration expiry:"))
                    .as("one run for two instances")
                    .hasSize(1);

            // A second later on the other instance (its clock a little behind): still held, not run again.
            expiryB.scheduledRun();
            assertThat(runs.list)
                    .filteredOn(e -> e.getFormattedMessage().startsWith("Pre-registration expiry:"))
                    .hasSize(1);
            assertThat(jdbc.queryForObject(
                            "select timestampdiff(second, utc_timestamp(3), lock_until) from shedlock "
                                    + "where name = ?",
                            Long.class,
                            lock))
                    .as("held at least five minutes")
                    .isBetween(240L, 300L);
        } finally {
            logger.detachAppender(runs);
            jdbc.update("update shedlock set lock_until = utc_timestamp(3) where name = ?", lock);
        }
    }
}
