package be.uliege.library.registration.load.file;

import org.jspecify.annotations.Nullable;

/** What the reader gives for one {@code <user>}: read, or unreadable with its reason (R-SIS-1). */
public sealed interface ReadRow permits ReadRow.Read, ReadRow.Unreadable {

    Position position();

    /**
     * A row read whole, with the fingerprint of its fixed form (R-SIS-5, {@link RawRow#digest()}).
     */
    record Read(Position position, AlmaUser user, @Nullable String digest) implements ReadRow {}

    /** A row that cannot be read; the primary id when it could be, for the report. */
    record Unreadable(Position position, @Nullable String primaryId, Reason reason) implements ReadRow {}
}
