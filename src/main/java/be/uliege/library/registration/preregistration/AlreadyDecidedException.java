package be.uliege.library.registration.preregistration;

import org.jspecify.annotations.Nullable;

/** Another operator validated, took over or rejected the pre-registration first (R-DESK-2). */
public class AlreadyDecidedException extends RuntimeException {

    private final @Nullable String by;

    public AlreadyDecidedException(@Nullable String by) {
        super("The pre-registration was decided already");
        this.by = by;
    }

    /** Who decided, when known (a taken-over entry is gone with its record). */
    public @Nullable String by() {
        return by;
    }
}
