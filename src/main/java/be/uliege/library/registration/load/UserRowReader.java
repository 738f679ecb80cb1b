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
abstract class UserRowReader implements ItemStreamReader<LoadRow> {

    static UserRowReader file(Path path, ReadLimits limits, LoadRow.Preparation preparation) {
        return new FromFile(path, limits, preparation);
    }

    static UserRowReader kept(long run, PendingRows pending, ReadLimits limits, LoadRow.Preparation preparation) {
        return new Kept(run, pending, limits, preparation);
    }

    /**
     * The file itself, read and prepared ({@link LoadRow.Preparation}) by a thread of its own while
     * the chunk before is written (the parsing, mapping and checking of a first import's 100,000 rows
     * are no longer added to its writing): at most {@link #AHEAD} rows and {@link #AHEAD_CHARS} of
     * their characters wait, so memory stays flat. The place saved is that of the last row given to
     * the step, never of the rows read ahead.
     */
    private static final class FromFile extends UserRowReader {

        private static final String ENTRY = "load.entry";
        private static final String ELEMENT = "load.element";
        /** Rows read ahead at most: more than a chunk, so that the next chunk is ready when one is written. */
        static final int AHEAD = 2_000;
        /**
         * Characters of rows read ahead at most (their fixed form): some 2,500 real rows, or sixteen of
         * the largest a file may hold — a few tens of megabytes once read, whatever the file.
         */
        static final int AHEAD_CHARS = 4_000_000;

        private final Path path;
        private final ReadLimits limits;
        private final LoadRow.Preparation preparation;
        private @Nullable ReadAhead<Ahead> ahead;
        private int givenEntry;
        private long givenElement;

        FromFile(Path path, ReadLimits limits, LoadRow.Preparation preparation) {
            this.path = path;
            this.limits = limits;
            this.preparation = preparation;
        }

        /** A row read ahead and prepared, with its place and its size in characters. */
        private record Ahead(int entry, long element, LoadRow row, int chars) {}

        @Override
        public void open(ExecutionContext context) {
            int savedEntry = context.containsKey(ENTRY) ? context.getInt(ENTRY) : 0;
            long savedElement = context.containsKey(ELEMENT) ? context.getLong(ELEMENT) : 0;
            givenEntry = savedEntry;
            givenElement = savedElement;
            // Opened here, so that a file gone or unreadable fails the step at once.
            var file = LoadFile.open(path, limits);
            ahead = new ReadAhead<>(
                    "load-reader",
                    AHEAD,
                    AHEAD_CHARS,
                    Ahead::chars,
                    sink -> readAhead(file, savedEntry, savedElement, preparation, sink));
        }

        private static void readAhead(
                LoadFile file,
                int savedEntry,
                long savedElement,
                LoadRow.Preparation preparation,
                ReadAhead.Sink<Ahead> sink) {
            try (file) {
                int entry = 0;
                for (var reader = file.nextEntry(); reader.isPresent(); reader = file.nextEntry()) {
                    entry++;
                    if (entry < savedEntry) {
                        continue; // done before the restart
                    }
                    if (entry == savedEntry) {
                        reader.get().skipTo(savedElement);
                    }
                    for (var row = reader.get().next();
                            row.isPresent();
                            row = reader.get().next()) {
                        if (!sink.put(new Ahead(
                                entry,
                                reader.get().elementsRead(),
                                preparation.prepare(row.get()),
                                reader.get().lastRowChars()))) {
                            return;
                        }
                    }
                }
            }
        }

        @Override
        public @Nullable LoadRow read() {
            var next = ahead == null ? null : ahead.take();
            if (next == null) {
                return null;
            }
            givenEntry = next.entry();
            givenElement = next.element();
            return next.row();
        }

        @Override
        public void update(ExecutionContext context) {
            context.putInt(ENTRY, givenEntry);
            context.putLong(ELEMENT, givenElement);
        }

        @Override
        public void close() {
            if (ahead != null) {
                ahead.close();
                ahead = null;
            }
        }
    }

    /** The rows the check kept, a page at a time, in the file's order. */
    private static final class Kept extends UserRowReader {

        private static final String SEQ = "load.kept";
        /** Rows per page: a real row is a few kilobytes; a page of the largest rows kept stays tens of megabytes. */
        private static final int PAGE = 100;

        private final long run;
        private final PendingRows pending;
        private final ReadLimits limits;
        private final LoadRow.Preparation preparation;
        private final Deque<Read> page = new ArrayDeque<>();
        /** The number of the last row fetched, and of the last row given. */
        private long fetched;

        private long given;

        Kept(long run, PendingRows pending, ReadLimits limits, LoadRow.Preparation preparation) {
            this.run = run;
            this.pending = pending;
            this.limits = limits;
            this.preparation = preparation;
        }

        /** A row of the page, with its number. */
        private record Read(long seq, LoadRow row) {}

        @Override
        public void open(ExecutionContext context) {
            given = context.containsKey(SEQ) ? context.getLong(SEQ) : 0;
            fetched = given;
            page.clear();
        }

        @Override
        public @Nullable LoadRow read() {
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
                    page.add(new Read(row.seq(), preparation.prepare(read)));
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
