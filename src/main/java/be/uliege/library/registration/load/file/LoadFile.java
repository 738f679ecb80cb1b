package be.uliege.library.registration.load.file;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The file the university's transfer dropped (R-SIS-1): plain XML, or a zip of XML files read in
 * their order in the zip — told apart by their first bytes, not their name. A zip is streamed: its
 * entries' sizes are counted as they are decompressed, never taken from its headers, and a zip
 * holding anything but {@code .xml} files, a path leaving the folder, too many entries, too many
 * decompressed bytes or a compression ratio of a zip bomb is refused whole.
 */
public final class LoadFile implements AutoCloseable {

    private static final long RATIO_CHECKED_FROM = 1024 * 1024;

    private final Path path;
    private final ReadLimits limits;
    private final Counting raw;
    private final @Nullable ZipInputStream zip;
    private final InputStream plain;
    private int entries;
    private long decompressed;
    private boolean plainGiven;
    private @Nullable AlmaUserReader current;

    private LoadFile(Path path, ReadLimits limits) throws IOException {
        this.path = path;
        this.limits = limits;
        this.raw = new Counting(Files.newInputStream(path));
        var buffered = new BufferedInputStream(raw, 64 * 1024);
        buffered.mark(4);
        var magic = buffered.readNBytes(4);
        buffered.reset();
        this.plain = buffered;
        // PK\3\4 starts an entry; PK\5\6 is the end record of an empty zip; PK\7\8 a spanned one.
        boolean isZip = magic.length == 4
                && magic[0] == 'P'
                && magic[1] == 'K'
                && ((magic[2] == 3 && magic[3] == 4)
                        || (magic[2] == 5 && magic[3] == 6)
                        || (magic[2] == 7 && magic[3] == 8));
        this.zip = isZip ? new ZipInputStream(buffered) : null;
    }

    public static LoadFile open(Path path, ReadLimits limits) {
        try {
            return new LoadFile(path, limits);
        } catch (IOException e) {
            throw new FileRefusedException(name(path), Reason.of("load.reason.unreadable-file"));
        }
    }

    /** How many XML files the check found, and their rows. */
    public record Summary(int entries, long users) {}

    /**
     * Reads everything once, refusing the file at its first whole-file problem: what the load runs
     * before it changes anything.
     */
    public static Summary check(Path path, ReadLimits limits) {
        long users = 0;
        try (var file = open(path, limits)) {
            for (var reader = file.nextEntry(); reader.isPresent(); reader = file.nextEntry()) {
                // Every event read, no row built: what makes a file unreadable as a whole is found by
                // the parser and the guards, not by the rows (those are the next step's, one by one).
                reader.get().skipTo(Long.MAX_VALUE);
                users += reader.get().elementsRead();
            }
            return new Summary(file.entries, users);
        }
    }

    /** The reader of the next XML file, the previous one being done with; empty after the last. */
    public Optional<AlmaUserReader> nextEntry() {
        if (current != null) {
            current.close();
            current = null;
        }
        if (zip == null) {
            if (plainGiven) {
                return Optional.empty();
            }
            plainGiven = true;
            current = AlmaUserReader.open(new Unclosed(plain), name(path), limits);
            return Optional.of(current);
        }
        try {
            while (true) {
                var entry = zip.getNextEntry();
                if (entry == null) {
                    if (entries == 0) {
                        throw refused("load.reason.zip-empty");
                    }
                    return Optional.empty();
                }
                var entryName = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                var lower = entryName.toLowerCase(Locale.ROOT);
                if (entryName.startsWith("/") || entryName.contains("..") || entryName.contains("\\")) {
                    throw refused("load.reason.zip-path", entryName);
                }
                if (!lower.endsWith(".xml") || lower.startsWith("__macosx/") || lower.contains("/.")) {
                    throw refused("load.reason.zip-other", entryName);
                }
                if (++entries > limits.maxEntries()) {
                    throw refused("load.reason.zip-entries", limits.maxEntries());
                }
                current = AlmaUserReader.open(new Bounded(zip), name(path) + "!/" + entryName, limits);
                return Optional.of(current);
            }
        } catch (ZipException e) {
            throw refused("load.reason.zip-corrupt");
        } catch (IOException e) {
            throw refused("load.reason.unreadable-file");
        }
    }

    /** The number of XML files given so far. */
    public int entriesRead() {
        return zip == null ? (plainGiven ? 1 : 0) : entries;
    }

    private FileRefusedException refused(String key, Object... args) {
        return new FileRefusedException(name(path), Reason.of(key, args));
    }

    private static String name(Path path) {
        var name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    @Override
    public void close() {
        try {
            if (current != null) {
                current.close();
            }
            (zip != null ? zip : plain).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the compressed bytes read from the disk. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** One entry's bytes as they are decompressed: counted against the size and ratio limits; not closed by its reader. */
    private final class Bounded extends FilterInputStream {

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            decompressed += n;
            if (decompressed > limits.maxUncompressedBytes()) {
                throw new ZipBombException(Reason.of("load.reason.zip-too-large", limits.maxUncompressedBytes()));
            }
            if (decompressed > RATIO_CHECKED_FROM && decompressed > raw.count * limits.maxCompressionRatio()) {
                throw new ZipBombException(Reason.of("load.reason.zip-ratio", limits.maxCompressionRatio()));
            }
        }

        @Override
        public void close() {
            // The zip's next entry follows on the same stream.
        }
    }

    /** The plain file's stream, closed by the load file, not by its reader. */
    private static final class Unclosed extends FilterInputStream {
        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // closed with the load file
        }
    }

    /** A zip over its limits, raised from inside the parser's reads. */
    static final class ZipBombException extends IOException {
        private final Reason reason;

        ZipBombException(Reason reason) {
            super(reason.key());
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }
}
