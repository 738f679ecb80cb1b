package be.uliege.library.registration.fee;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The fee was paid or waived already, by someone else or in another window. */
public class FeeSettledException extends RuntimeException {

    private final @Nullable String by;
    private final @Nullable Instant at;

    FeeSettledException(@Nullable String by, @Nullable Instant at) {
        super("The fee is settled already");
        this.by = by;
        this.at = at;
    }

    public @Nullable String by() {
        return by;
    }

    public @Nullable Instant at() {
        return at;
    }
}
