package be.uliege.library.registration.retention;

import be.uliege.library.registration.base.Csv;
import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Messages;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.ErasedFees;
import be.uliege.library.registration.patron.PatronErasure;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.retention.PurgeRun.Outcome;
import be.uliege.library.registration.retention.PurgeRun.Skipped;
import be.uliege.library.registration.security.Roles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Retention for the screens (R-RET-1, R-RET-2): the preview of a purge on a given day, with its
 * counts by kind and the patrons it would keep and why; the runs with their progress; a purge now;
 * a stop; and the erasure of a patron at their request.
 */
@Service
public class Retention {

    private static final String ADMIN = "hasRole('" + Roles.USER_ADMINISTRATOR + "')";
    private static final int PAGE = 1_000;

    private final PatronErasure erasure;
    private final ErasedFees fees;
    private final RetentionHolds holds;
    private final PurgeRuns runs;
    private final PurgeJob job;
    private final PatronAccounts accounts;
    private final CurrentStaff staff;
    private final Clock clock;
    private final Executor background = Executors.newVirtualThreadPerTaskExecutor();

    Retention(
            PatronErasure erasure,
            ErasedFees fees,
            RetentionHolds holds,
            PurgeRuns runs,
            PurgeJob job,
            PatronAccounts accounts,
            CurrentStaff staff,
            Clock clock) {
        this.erasure = erasure;
        this.fees = fees;
        this.holds = holds;
        this.runs = runs;
        this.job = job;
        this.accounts = accounts;
        this.staff = staff;
        this.clock = clock;
    }

    /** A record past its purge date, and why it would stay (null: it would be purged). */
    public record PreviewLine(
            long patronId,
            String primaryIdentifier,
            PatronKind kind,
            LocalDate expirationDate,
            LocalDate purgeDate,
            @Nullable Outcome kept) {}

    /**
     * What a purge on {@code purgeBefore} would do: the records it would remove by kind, those it
     * would keep for an open fee or a hold, and the first {@code limit} records in id order.
     */
    public record Preview(
            LocalDate purgeBefore,
            Map<PatronKind, Integer> wouldPurge,
            int keptForFee,
            int keptForHold,
            List<PreviewLine> first) {

        public Preview {
            wouldPurge = Map.copyOf(wouldPurge);
            first = List.copyOf(first);
        }

        public int total() {
            return wouldPurge.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The day a purge run today removes records before: today (nothing goes on its purge date). */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @PreAuthorize(ADMIN)
    public Preview preview(LocalDate purgeBefore, int limit) {
        var wouldPurge = new EnumMap<PatronKind, Integer>(PatronKind.class);
        var first = new ArrayList<PreviewLine>();
        int[] kept = new int[2];
        each(purgeBefore, line -> {
            if (line.kept() == null) {
                wouldPurge.merge(line.kind(), 1, Integer::sum);
            } else {
                kept[line.kept() == Outcome.SKIPPED_FEE ? 0 : 1]++;
            }
            if (first.size() < limit) {
                first.add(line);
            }
        });
        return new Preview(purgeBefore, wouldPurge, kept[0], kept[1], first);
    }

    /**
     * The preview as CSV (UTF-8 with a byte-order mark, for spreadsheets): identifier, kind,
     * expiration and purge dates, and what the purge would do, in the reader's language. No names:
     * the identifier leads to the record for whoever needs more.
     */
    @PreAuthorize(ADMIN)
    public void writePreviewCsv(LocalDate purgeBefore, Locale language, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\ufeff');
            writer.write(Csv.row(List.of(
                    Messages.text(language, "retention.csv.identifier"),
                    Messages.text(language, "retention.csv.kind"),
                    Messages.text(language, "retention.csv.expiration"),
                    Messages.text(language, "retention.csv.purge-date"),
                    Messages.text(language, "retention.csv.outcome"))));
            each(purgeBefore, line -> {
                try {
                    writer.write(Csv.row(List.of(
                            line.primaryIdentifier(),
                            line.kind().name(),
                            line.expirationDate().toString(),
                            line.purgeDate().toString(),
                            Messages.text(
                                    language,
                                    "retention.outcome."
                                            + (line.kept() == null
                                                    ? "PURGED"
                                                    : line.kept().name())))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record past its purge date, a page at a time, with what the purge would do. */
    private void each(LocalDate purgeBefore, Consumer<PreviewLine> action) {
        long after = 0;
        while (true) {
            var page = erasure.due(purgeBefore, after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            after = page.getLast().id();
            var ids = page.stream().map(PatronErasure.Due::id).toList();
            var held = holds.heldAmong(ids);
            var owing = fees.owing(ids);
            for (var due : page) {
                Outcome kept = held.contains(due.id())
                        ? Outcome.SKIPPED_HOLD
                        : owing.contains(due.id()) ? Outcome.SKIPPED_FEE : null;
                action.accept(new PreviewLine(
                        due.id(), due.primaryIdentifier(), due.kind(), due.expirationDate(), due.purgeDate(), kept));
            }
        }
    }

    /**
     * Starts a purge now, in the background, under the cluster lock; returns the run at once, whose
     * progress the screen follows. Refused when a purge already runs.
     */
    @PreAuthorize(ADMIN)
    public long purgeNow() {
        var started = job.begin(today(), staff.uid());
        background.execute(() -> SystemPrincipal.run(() -> job.execute(started)));
        return started.run();
    }

    /** Asks a running purge to stop after its current batch; false when it is not running. */
    @PreAuthorize(ADMIN)
    public boolean stop(long run) {
        return runs.requestStop(run);
    }

    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    public List<PurgeRun> runs(int limit) {
        return runs.latest(limit);
    }

    @PreAuthorize(ADMIN)
    public List<Skipped> skipped(long run, int limit) {
        return runs.skippedBy(run, limit);
    }

    /** Directory entries of erased patrons still to be deleted (the directory did not answer yet). */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    public long directoryDeletionsWaiting() {
        return accounts.entryDeletionsWaiting();
    }

    /**
     * Erases a patron at their request (R-RET-2, GDPR article 17) through the purge's own path:
     * refused, with the reason, while a fee is open or a hold stands. Recorded as a run of its own,
     * with the manager's note (no personal data: the record's identifier is gone with it).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    public PurgeRun eraseOnRequest(long patronId, @Nullable String note) {
        return job.eraseOnRequest(patronId, staff.uid(), note == null || note.isBlank() ? null : note.strip());
    }
}
