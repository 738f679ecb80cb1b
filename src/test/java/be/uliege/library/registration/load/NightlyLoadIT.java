package be.uliege.library.registration.load;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.load.LoadRun.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The night's job (R-SIS-1): every file waiting in the folder is loaded in name order by the
 * system, filed to {@code processed/} or {@code failed/}; a half-written file (another name) waits;
 * while another instance holds the load's cluster lock, nothing runs twice.
 */
@SpringBootTest
class NightlyLoadIT {

    @Autowired
    NightlyLoad nightly;

    @Autowired
    LoadLauncher launcher;

    @Autowired
    LoadRuns runs;

    @Autowired
    LoadSettings settings;

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcTemplate jdbc;

    static String id(String letter) {
        return letter + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    @Test
    void theNightLoadsEachWaitingFileAndFilesItAway() throws IOException {
        Files.createDirectories(settings.folder());
        var s = id("S");
        var tag = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000));
        var good = settings.folder().resolve("night-" + tag + "-a.xml");
        Files.writeString(
                good,
                AlmaXml.file()
                        .user(
                                s,
                                "S",
                                "P" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                                "Amina",
                                "Benali",
                                s.toLowerCase() + "@student.uliege.be",
                                "0475 12 34 56")
                        .xml(),
                StandardCharsets.UTF_8);
        var broken = settings.folder().resolve("night-" + tag + "-b.xml");
        Files.writeString(broken, "<users><user>", StandardCharsets.UTF_8);
        var partial = settings.folder().resolve("night-" + tag + "-c.xml.part");
        Files.writeString(partial, "<users>", StandardCharsets.UTF_8);

        nightly.run();

        assertThat(jdbc.queryForObject("select count(*) from patron where primary_identifier = ?", Long.class, s))
                .isEqualTo(1);
        var mine = runs.latest(50).stream()
                .filter(r -> r.fileName().startsWith("night-" + tag))
                .toList();
        assertThat(mine).extracting(LoadRun::status).containsExactlyInAnyOrder(Status.COMPLETED, Status.REFUSED);
        assertThat(mine).allSatisfy(r -> assertThat(r.startedBy()).isEqualTo(SystemPrincipal.NAME));
        assertThat(Files.exists(good)).isFalse();
        assertThat(Files.exists(broken)).isFalse();
        assertThat(Files.exists(partial)).as("a file still being written waits").isTrue();
        try (var processed = Files.list(settings.processed());
                var failed = Files.list(settings.failed())) {
            assertThat(processed.map(Path::toString))
                    .anyMatch(p -> p.endsWith(good.getFileName().toString()));
            assertThat(failed.map(Path::toString))
                    .anyMatch(p -> p.endsWith(broken.getFileName().toString()));
        }
        Files.delete(partial);
    }

    @Test
    void whileAnotherInstanceLoadsNothingRunsTwice() throws IOException {
        Files.createDirectories(settings.folder());
        var file =
                settings.folder().resolve("busy-" + ThreadLocalRandom.current().nextInt(1_000_000) + ".xml");
        Files.writeString(file, AlmaXml.file().xml(), StandardCharsets.UTF_8);
        var held = locks.lock(new LockConfiguration(
                        ClockProvider.now(), LoadLauncher.LOCK, Duration.ofMinutes(1), Duration.ZERO))
                .orElseThrow();
        try {
            long run = launcher.prepare(
                    file, be.uliege.library.registration.patron.LoadInstructions.Mode.SYNCHRONIZE, false, "test");
            assertThat(SystemPrincipal.call(() -> launcher.execute(
                            run,
                            file,
                            be.uliege.library.registration.patron.LoadInstructions.Mode.SYNCHRONIZE,
                            false,
                            Duration.ZERO)))
                    .isEmpty();
            assertThat(runs.find(run).orElseThrow().status()).isEqualTo(Status.FAILED);
            assertThat(Files.exists(file)).as("left for the next try").isTrue();
        } finally {
            held.unlock();
            Files.deleteIfExists(file);
        }
    }
}
