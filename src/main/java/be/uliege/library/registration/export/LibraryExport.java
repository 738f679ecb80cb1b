package be.uliege.library.registration.export;

import be.uliege.library.registration.base.IndentedXml;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.export.ExportRun.Kind;
import be.uliege.library.registration.export.ExportRun.Status;
import be.uliege.library.registration.patron.ExternalPatrons;
import be.uliege.library.registration.patron.PatronsErased;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an export (R-INT-3), one at a time across every instance (the cluster lock {@value
 * #LOCK}): the external patrons a page at a time (a delta: those changed since the start of the
 * last completed export), then the erased patrons not told yet, into zips of at most {@code
 * max-users-per-file} users each, written under a temporary name and renamed when whole, so that
 * the library system's transfer never fetches half a file. Memory stays flat: a page of records at
 * a time, streamed into the zip.
 *
 * @see "docs/decisions/0014-retention-and-export.md"
 */
@Component
class LibraryExport {

    static final String LOCK = "patron-export";
    private static final Duration LOCK_AT_MOST = Duration.ofHours(2);
    private static final int PAGE = 1_000;
    private static final int BUFFER = 1 << 16;
    private static final Logger log = LoggerFactory.getLogger(LibraryExport.class);

    private final LockProvider locks;
    private final ExportRuns runs;
    private final ExternalPatrons patrons;
    private final ExportSettings settings;

    LibraryExport(LockProvider locks, ExportRuns runs, ExternalPatrons patrons, ExportSettings settings) {
        this.locks = locks;
        this.runs = runs;
        this.patrons = patrons;
        this.settings = settings;
    }

    /** An export started: its run, what it carries, and the lock it holds until {@link #execute} ends. */
    record Started(long run, Kind kind, @Nullable Instant since, SimpleLock lock) {}

    /**
     * Takes the lock and records the run; refused when another export holds it. A delta without any
     * completed export before it is a full export.
     */
    Optional<Started> begin(Kind asked, String by) {
        var lock = locks.lock(new LockConfiguration(ClockProvider.now(), LOCK, LOCK_AT_MOST, Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            runs.failAbandoned();
            var since = asked == Kind.DELTA ? runs.lastCompletedStart().orElse(null) : null;
            var kind = since == null ? Kind.FULL : Kind.DELTA;
            return Optional.of(new Started(runs.start(kind, since, by), kind, since, lock.get()));
        } catch (RuntimeException e) {
            lock.get().unlock();
            throw e;
        }
    }

    /** Writes the files, records them, and lets the lock go. */
    ExportRun execute(Started started) {
        long run = started.run();
        var files = new ExportFiles(run, started.kind());
        int users = 0;
        int deleted = 0;
        try (var reader = Executors.newVirtualThreadPerTaskExecutor()) {
            // The next page is read while this one is written: the database and the XML side by side.
            var next = reader.submit(() -> page(started.since(), 0));
            while (true) {
                var page = next.get();
                if (page.isEmpty()) {
                    break;
                }
                long after = page.getLast().id();
                next = reader.submit(() -> page(started.since(), after));
                for (var patron : page) {
                    files.next().write(patron);
                    users++;
                }
            }
            long[] lastDeletion = {0};
            int[] counted = {0};
            runs.deletions(d -> {
                try {
                    files.next().writeErased(d.primaryIdentifier(), d.userGroup(), d.erasedOn());
                } catch (XMLStreamException e) {
                    throw new UncheckedIOException(new IOException(e));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                lastDeletion[0] = d.id();
                counted[0]++;
            });
            deleted = counted[0];
            files.close();
            for (var file : files.written()) {
                runs.file(run, file);
            }
            runs.told(lastDeletion[0]);
            runs.finish(run, Status.COMPLETED, users, deleted, null);
            forgetOldFiles();
            log.info(
                    "Export run {} ({}): {} patrons, {} erased, {} files",
                    run,
                    started.kind(),
                    users,
                    deleted,
                    files.written().size());
        } catch (XMLStreamException | IOException | RuntimeException | ExecutionException e) {
            files.abandon();
            runs.finish(
                    run,
                    Status.FAILED,
                    users,
                    deleted,
                    "failed: " + e.getClass().getSimpleName());
            log.error("Export run {} failed; its files were removed, the next export carries what it did not", run, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            files.abandon();
            runs.finish(run, Status.FAILED, users, deleted, "interrupted");
        } finally {
            started.lock().unlock();
        }
        return runs.find(run).orElseThrow();
    }

    /**
     * The files of exports older than {@code keep-files} go (they hold the patrons' names and
     * addresses; the library system fetched them long ago); the runs stay with their counts.
     */
    private void forgetOldFiles() throws IOException {
        var cutoff = Instant.now().minus(settings.keepFiles());
        for (var name : runs.filesBefore(cutoff)) {
            Files.deleteIfExists(settings.folder().resolve(name));
        }
        runs.forgetFilesBefore(cutoff);
    }

    /** A page of records, read in a thread of its own as the system. */
    private List<ExternalPatrons.Exported> page(@Nullable Instant since, long after) {
        return SystemPrincipal.call(() -> patrons.page(since, after, PAGE));
    }

    /** The erased B and BX patrons, kept until an export tells the library system (in the erasure's transaction). */
    @EventListener
    void on(PatronsErased erased) {
        for (var patron : erased.patrons()) {
            if (patron.kind().isExternal()) {
                runs.erased(patron.primaryIdentifier(), patron.kind().name(), patron.userGroup());
            }
        }
    }

    /** The run's zips, one opened when the one before is full. */
    private final class ExportFiles {

        private final long run;
        private final Kind kind;
        private final java.util.List<ExportRun.File> written = new java.util.ArrayList<>();
        private final java.util.List<Path> temporary = new java.util.ArrayList<>();
        private @Nullable Current current;
        private int number;

        ExportFiles(long run, Kind kind) {
            this.run = run;
            this.kind = kind;
        }

        private record Current(
                Path path,
                String name,
                ZipOutputStream zip,
                BufferedWriter text,
                DigestOutputStream digest,
                XMLStreamWriter stream,
                IndentedXml xml,
                AlmaExportWriter writer,
                int[] users) {}

        /** The writer of the zip that takes the next user. */
        AlmaExportWriter next() throws XMLStreamException, IOException {
            if (current != null && current.users()[0] >= settings.maxUsersPerFile()) {
                finish();
            }
            if (current == null) {
                open();
            }
            current.users()[0]++;
            return current.writer();
        }

        private void open() throws XMLStreamException, IOException {
            Files.createDirectories(settings.folder());
            number++;
            var name = "patrons-%d-%s-%03d".formatted(run, kind.name().toLowerCase(java.util.Locale.ROOT), number);
            var path = settings.folder().resolve("." + name + ".zip.part");
            temporary.add(path);
            // Buffered on both sides of the compression: the XML writer's many small writes would
            // each run the deflater, and the deflater's 512-byte blocks would each be a system call.
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), BUFFER);
            var digest = new DigestOutputStream(out, sha256());
            var zip = new ZipOutputStream(digest);
            // XML compresses tenfold at the fastest level already; the default level took longer than
            // writing the XML itself.
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(name + ".xml"));
            var text = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), BUFFER);
            var stream = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            var xml = new IndentedXml(stream);
            // The count is that of the file, known only at its end: Alma does not require it.
            xml.startDocument("users");
            current = new Current(
                    path,
                    name + ".zip",
                    zip,
                    text,
                    digest,
                    stream,
                    xml,
                    new AlmaExportWriter(xml, settings),
                    new int[] {0});
        }

        private void finish() throws XMLStreamException, IOException {
            var done = current;
            if (done == null) {
                return;
            }
            current = null;
            done.xml().endDocument();
            done.stream().close();
            done.text().flush();
            done.zip().closeEntry();
            done.zip().close();
            var target = settings.folder().resolve(done.name());
            Files.move(done.path(), target, StandardCopyOption.ATOMIC_MOVE);
            temporary.remove(done.path());
            written.add(new ExportRun.File(
                    done.name(),
                    done.users()[0],
                    Files.size(target),
                    HexFormat.of().formatHex(done.digest().getMessageDigest().digest())));
        }

        void close() throws XMLStreamException, IOException {
            if (current == null && written.isEmpty()) {
                open(); // an export with nothing to carry still writes its (empty) file: the library system sees it ran
            }
            finish();
        }

        java.util.List<ExportRun.File> written() {
            return written;
        }

        /** A failed run leaves no file behind, whole or partial. */
        void abandon() {
            if (current != null) {
                try {
                    current.zip().close();
                } catch (IOException e) {
                    // being removed anyway
                }
            }
            for (var path : temporary) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("Export file {} could not be removed", path.getFileName());
                }
            }
            for (var file : written) {
                try {
                    Files.deleteIfExists(settings.folder().resolve(file.name()));
                } catch (IOException e) {
                    log.warn("Export file {} could not be removed", file.name());
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
