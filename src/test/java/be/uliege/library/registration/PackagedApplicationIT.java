package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar the build makes, started as an operator would start it (on its embedded defaults here):
 * Vaadin runs in production mode with the pre-compiled bundle, the public page and the health
 * endpoint answer.
 */
class PackagedApplicationIT {

    static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    /** Test libraries found in a production jar (ArchUnit came in with Spring Modulith's module model). */
    static final Pattern TEST_LIBRARY = Pattern.compile("BOOT-INF/lib/(archunit|junit|assertj|mockito|hamcrest"
            + "|playwright|driver-bundle|opentest4j|jsonassert|xmlunit|awaitility|spring-test|spring-boot-test"
            + "|spring-boot-starter-test|spring-security-test|spring-modulith-test|spring-modulith-core"
            + "|browserless-test|karibu-testing|wiremock|greenmail-junit|json-path|objenesis).*\\.jar");

    static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("patron-registration-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no jar in target/: run the package phase first"));
        }
    }

    @Test
    void thePackagedJarCarriesNoTestLibrary() throws Exception {
        try (var zip = new ZipFile(jar().toFile())) {
            var libraries = zip.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("BOOT-INF/lib/"))
                    .toList();
            assertThat(libraries).as("the jar's libraries").anyMatch(n -> n.contains("spring-modulith-events-core"));
            assertThat(libraries).noneMatch(n -> TEST_LIBRARY.matcher(n).matches());
        }
    }

    @Test
    void thePackagedJarRunsInProductionMode() throws Exception {
        var jar = jar();
        var javaCommand = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(
                        javaCommand,
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toString(),
                        "--server.port=0",
                        "--registration.embedded.data-dir=temporary",
                        "--registration.embedded.demo-data=false",
                        // as the prod profile sets it, for the container's health check (docker/compose.yaml)
                        "--management.endpoint.health.probes.enabled=true")
                .redirectErrorStream(true)
                .start();
        List<String> log = new CopyOnWriteArrayList<>();
        var reader = Thread.ofVirtual().start(() -> {
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(log::add);
            } catch (Exception ignored) {
                // the process ended
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (log.stream().noneMatch(l -> l.contains("Started Application"))
                    && process.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(log).as(String.join("\n", log)).anyMatch(l -> l.contains("Started Application"));
            assertThat(log).anyMatch(l -> l.contains("Vaadin is running in production mode"));
            var port = log.stream()
                    .map(PORT::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElseThrow();

            var http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            var page = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/inscription"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("VAADIN/build/");
            var health = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            // What the compose file's health check asks, anonymously, as HTTP/1.0 without cookies.
            var readiness = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
        } finally {
            process.destroy(); // a normal stop: the embedded servers shut down with it
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            reader.join(5000);
        }
    }
}
