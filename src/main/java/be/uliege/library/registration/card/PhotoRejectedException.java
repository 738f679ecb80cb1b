package be.uliege.library.registration.card;

import java.util.Locale;

/**
 * An uploaded or captured photo that cannot become a card photo (R-CARD-1), with the reason the
 * desk shows, translated ({@link Reason#key()}). The message names the reason only, never the
 * file's content.
 */
public class PhotoRejectedException extends RuntimeException {

    /** Why the photo was refused; each is the key of a translated sentence ({@code photo.rejected.<reason>}). */
    public enum Reason {
        /** Nothing was sent. */
        EMPTY,
        /** The file is larger than {@link PhotoImages#MAX_BYTES}. */
        TOO_LARGE_FILE,
        /** The content is not a JPEG or PNG image, whatever its name or declared type. */
        NOT_AN_IMAGE,
        /** A JPEG or PNG that is truncated or corrupt. */
        UNREADABLE,
        /** More than {@link PhotoImages#MAX_PIXELS}, or a side longer than {@link PhotoImages#MAX_SIDE}. */
        TOO_MANY_PIXELS,
        /** Narrower than {@link PhotoImages#MIN_WIDTH} or lower than {@link PhotoImages#MIN_HEIGHT}: too small for a card. */
        TOO_SMALL;

        /** The translation key of the sentence that explains it. */
        public String key() {
            return "photo.rejected." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public PhotoRejectedException(Reason reason) {
        super("photo refused: " + reason);
        this.reason = reason;
    }

    public PhotoRejectedException(Reason reason, Throwable cause) {
        super("photo refused: " + reason, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
