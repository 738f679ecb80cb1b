package be.uliege.library.registration.load.file;

import org.jspecify.annotations.Nullable;

/**
 * One {@code <user>} as it was read (R-SIS-5), not made into a user yet: where it is, its primary
 * id when it has one, its fixed form and that form's fingerprint — both null when the row is too
 * large to keep ({@link ReadLimits#maxRowChars()}).
 */
public record RawRow(
        Position position,
        @Nullable String primaryId,
        @Nullable String xml,
        @Nullable String digest) {

    /** SHA-256 of a text, URL-safe Base64: how the load writes every fingerprint. */
    public static String digestOf(String text) {
        return CanonicalRow.digest(text);
    }
}
