package be.uliege.library.registration.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.embedded.UniversityFileGenerator;
import be.uliege.library.registration.load.LoadRun.Status;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.security.Roles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A running load stopped by an administrator (R-SIS-1, the loads screen): it stops after its
 * current chunk, what was done stays done, and resumed it completes with every row counted once.
 */
@SpringBootTest
@WithMockUser(
        username = "admin",
        roles = {Roles.DESK_OPERATOR, Roles.USER_ADMINISTRATOR})
class LoadStopIT {

    @Autowired
    Loads loads;

    @Autowired
    LoadSettings settings;

    @Autowired
    LockProvider locks;

    @Autowired
    LoadLauncher launcher;

    LoadRun await(long id, Status... statuses) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var run = loads.run(id).orElseThrow();
            for (var status : statuses) {
                if (run.status() == status) {
                    return run;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " never reached " + java.util.Arrays.toString(statuses));
    }

    /** A synchronization reads the rows its check kept; the place saved is the last one applied. */
    @Test
    void aStoppedLoadKeepsWhatItDidAndResumedCompletesOnce() throws Exception {
        stopAndResume(LoadInstructions.Mode.SYNCHRONIZE);
    }

    /** An import reads the file ahead of the writing; the place saved is the last row applied, not read. */
    @Test
    void aStoppedImportKeepsWhatItDidAndResumedCompletesOnce() throws Exception {
        stopAndResume(LoadInstructions.Mode.IMPORT);
    }

    void stopAndResume(LoadInstructions.Mode mode) throws Exception {
        Files.createDirectories(settings.folder());
        var name = "stop-" + ThreadLocalRandom.current().nextInt(1_000_000) + ".zip";
        var file = settings.folder().resolve(name);
        // Another seed than the embedded defaults': other people.
        long seed = ThreadLocalRandom.current().nextLong(1000, 1_000_000);
        new UniversityFileGenerator(seed, LibraryDay.today()).writeZip(file, 3000);

        long id = loads.runWaiting(name, mode, false);
        // Stop once the first chunk is in.
        for (int i = 0; i < 600 && loads.run(id).orElseThrow().counts().read() == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(loads.stop(id)).isTrue();
        var stopped = await(id, Status.STOPPED, Status.COMPLETED);
        assertThat(stopped.status()).as("stopped before the end").isEqualTo(Status.STOPPED);
        assertThat(stopped.counts().read()).isBetween(1L, 2999L);
        assertThat(Files.exists(file))
                .as("a stopped run's file waits for its resumption")
                .isTrue();

        // The night listed it while it was running and waited for the lock: it finds it stopped and
        // leaves it for the administrators.
        var listedRunning = new LoadRun(
                stopped.id(),
                stopped.jobExecutionId(),
                stopped.fileName(),
                stopped.mode(),
                stopped.dryRun(),
                stopped.startedBy(),
                stopped.startedAt(),
                null,
                Status.RUNNING,
                stopped.total(),
                stopped.counts(),
                null,
                false);
        var untouched = SystemPrincipal.call(() -> launcher.resume(listedRunning, Duration.ZERO))
                .orElseThrow();
        assertThat(untouched.status()).isEqualTo(Status.STOPPED);
        assertThat(untouched.counts()).isEqualTo(stopped.counts());

        loads.resume(id);
        var done = await(id, Status.COMPLETED, Status.FAILED);

        // The file's seed, to load the same people again when a resumed run does not complete.
        assertThat(done.status()).as("resumed run of the file of seed " + seed).isEqualTo(Status.COMPLETED);
        assertThat(done.counts().read()).isEqualTo(3000);
        var c = done.counts();
        assertThat(c.created() + c.updated() + c.unchanged() + c.rejected() + c.duplicates() + c.heldBack())
                .isEqualTo(3000);
        // Filed away by the launcher just after the run's end is written: waited for, briefly.
        for (int i = 0; i < 100 && Files.exists(file); i++) {
            Thread.sleep(100);
        }
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void whileAnotherLoadRunsTheAdministratorIsToldAtOnce() throws Exception {
        var held = locks.lock(new LockConfiguration(
                        ClockProvider.now(), LoadLauncher.LOCK, Duration.ofMinutes(1), Duration.ZERO))
                .orElseThrow();
        try {
            assertThatThrownBy(() -> loads.runUploaded(
                            "busy.xml",
                            new ByteArrayInputStream("<users/>".getBytes(StandardCharsets.UTF_8)),
                            LoadInstructions.Mode.SYNCHRONIZE,
                            true))
                    .isInstanceOf(Loads.LoadRefusedException.class)
                    .hasMessageContaining("loads.busy");
        } finally {
            held.unlock();
        }
    }
}
