package be.uliege.library.registration.load;

import be.uliege.library.registration.load.file.AlmaUserReader;
import be.uliege.library.registration.load.file.LoadFile;
import be.uliege.library.registration.load.file.ReadLimits;
import be.uliege.library.registration.load.file.ReadRow;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The rows of the file for Spring Batch (R-SIS-1): one at a time across the zip's entries, with
 * the place reached saved in the step's execution context at each committed chunk — the entry and
 * the number of rows read in it — so that a restart skips exactly what was applied.
 */
class UserRowReader implements ItemStreamReader<ReadRow> {

    private static final String ENTRY = "load.entry";
    private static final String ELEMENT = "load.element";

    private final Path path;
    private final ReadLimits limits;
    private @Nullable LoadFile file;
    private @Nullable AlmaUserReader reader;
    private int entry;

    UserRowReader(Path path, ReadLimits limits) {
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
