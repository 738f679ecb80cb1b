package be.uliege.library.registration.load;

import be.uliege.library.registration.load.file.AlmaUserReader;
import be.uliege.library.registration.load.file.LoadFile;
import be.uliege.library.registration.load.file.ReadLimits;
import be.uliege.library.registration.load.file.ReadRow;
import be.uliege.library.registration.load.file.Reason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The rows for Spring Batch (R-SIS-1), one at a time, with the place reached saved in the step's
 * execution context at each committed chunk, so that a restart skips exactly what was applied. An
 * import reads the file across the zip's entries (its place: the entry and the rows read in it); a
 * synchronization reads the rows its check kept ({@link PendingRows}, its place: the last number
 * read), each read again from its fixed form by the same parser.
 */
abstract class UserRowReader implements ItemStreamReader<ReadRow> {

    static UserRowReader file(Path path, ReadLimits limits) {
        return new FromFile(path, limits);
    }

    static UserRowReader kept(long run, PendingRows pending, ReadLimits limits) {
        return new Kept(run, pending, limits);
    }

    /** The file itself. */
    private static final class FromFile extends UserRowReader {

        private static final String ENTRY = "load.entry";
        private static final String ELEMENT = "load.element";

        private final Path path;
        private final ReadLimits limits;
        private @Nullable LoadFile file;
        private @Nullable AlmaUserReader reader;
        private int entry;

        FromFile(Path path, ReadLimits limits) {
            this.path = path;
            this.limits = limits;
        }

        @Override
        public void open(ExecutionContext context) {
            file = LoadFile.open(path, limits);
            int savedEntry = context.containsKey(ENTRY) ? context.getInt(ENTRY) : 0;
            long savedElement = context.containsKey(ELEMENT) ? context.getLong(ELEMENT) : 0;
            while (entry < savedEntry && nextEntry()) {
                // entries done before the restart
            }
            if (reader != null && entry == savedEntry) {
                reader.skipTo(savedElement);
            }
        }

        private boolean nextEntry() {
            var next = file.nextEntry();
            reader = next.orElse(null);
            if (reader != null) {
                entry++;
            }
            return reader != null;
        }

        @Override
        public @Nullable ReadRow read() {
            if (reader == null && !nextEntry()) {
                return null;
            }
            while (true) {
                var row = reader.next();
                if (row.isPresent()) {
                    return row.get();
                }
                if (!nextEntry()) {
                    return null;
                }
            }
        }

        @Override
        public void update(ExecutionContext context) {
            context.putInt(ENTRY, entry);
            context.putLong(ELEMENT, reader == null ? 0 : reader.elementsRead());
        }

        @Override
        public void close() {
            if (file != null) {
                file.close();
                file = null;
                reader = null;
            }
        }
    }

    /** The rows the check kept, a page at a time, in the file's order. */
    private static final class Kept extends UserRowReader {

        private static final String SEQ = "load.kept";
        private static final int PAGE = 500;

        private final long run;
        private final PendingRows pending;
        private final ReadLimits limits;
        private final Deque<Read> page = new ArrayDeque<>();
        /** The number of the last row fetched, and of the last row given. */
        private long fetched;

        private long given;

        Kept(long run, PendingRows pending, ReadLimits limits) {
            this.run = run;
            this.pending = pending;
            this.limits = limits;
        }

        /** A row of the page, with its number. */
        private record Read(long seq, ReadRow row) {}

        @Override
        public void open(ExecutionContext context) {
            given = context.containsKey(SEQ) ? context.getLong(SEQ) : 0;
            fetched = given;
            page.clear();
        }

        @Override
        public @Nullable ReadRow read() {
            if (page.isEmpty()) {
                fill();
            }
            var next = page.poll();
            if (next == null) {
                return null;
            }
            given = next.seq();
            return next.row();
        }

        /**
         * The next page, its rows parsed as one document by the file's own reader: the same limits,
         * the same reasons for a row it cannot read; each row given its place in the file.
         */
        private void fill() {
            var rows = pending.after(run, fetched, PAGE);
            if (rows.isEmpty()) {
                return;
            }
            var document = new StringBuilder("<users>");
            for (var row : rows) {
                if (row.xml() != null) {
                    document.append(row.xml());
                }
            }
            document.append("</users>");
            try (var reader = AlmaUserReader.open(
                    new ByteArrayInputStream(document.toString().getBytes(StandardCharsets.UTF_8)),
                    rows.getFirst().position().file(),
                    limits)) {
                for (var row : rows) {
                    ReadRow read;
                    if (row.xml() == null) {
                        read = new ReadRow.Unreadable(
                                row.position(),
                                row.primaryId(),
                                Reason.of("load.reason.row-too-large", limits.maxRowChars()));
                    } else {
                        read = switch (reader.next().orElseThrow()) {
                            case ReadRow.Read r -> new ReadRow.Read(row.position(), r.user(), r.digest());
                            case ReadRow.Unreadable u ->
                                new ReadRow.Unreadable(row.position(), u.primaryId(), u.reason());
                        };
                    }
                    page.add(new Read(row.seq(), read));
                }
            }
            fetched = rows.getLast().seq();
        }

        @Override
        public void update(ExecutionContext context) {
            context.putLong(SEQ, given);
        }

        @Override
        public void close() {
            page.clear();
        }
    }
}
