package be.uliege.library.registration.load.file;

/**
 * What the reader accepts before it gives up (R-SIS-1), so that a hostile or broken file costs
 * bounded memory and time.
 *
 * @param maxTextLength     characters of one value; more makes the row unreadable
 * @param maxRunBytes       bytes between two marks ({@code <} or {@code >}); more refuses the file
 *                          (a 100 MB value or attribute is never handed to the parser whole)
 * @param maxChildren       addresses, e-mails, phones, identifiers, notes… of one user
 * @param maxDepth          elements nested in one another
 * @param maxEntries        files in a zip
 * @param maxUncompressedBytes bytes decompressed from a zip, counted as they come, all entries
 * @param maxCompressionRatio decompressed bytes per compressed byte, checked past the first MiB
 * @param maxRowChars       characters of one {@code <user>} as the load keeps it ({@link
 *                          CanonicalRow}); more makes the row unreadable
 */
public record ReadLimits(
        int maxTextLength,
        int maxRunBytes,
        int maxChildren,
        int maxDepth,
        int maxEntries,
        long maxUncompressedBytes,
        int maxCompressionRatio,
        int maxRowChars) {

    /** Generous for the university's real file (some hundred thousand people), tight for an attack. */
    public static final ReadLimits DEFAULTS =
            new ReadLimits(4_000, 1024 * 1024, 100, 32, 50, 4L * 1024 * 1024 * 1024, 200, 256 * 1024);
}
