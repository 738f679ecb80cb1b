package be.uliege.library.registration.fee;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A fee as the desk shows it (R-FEE-2). */
public record FeeLine(
        long id,
        String type,
        String label,
        BigDecimal amount,
        FeeStatus status,
        String createdBy,
        Instant createdAt,
        @Nullable String settledBy,
        @Nullable Instant settledAt,
        @Nullable String site,
        @Nullable String waiverReason,
        @Nullable String receiptNumber) {

    public boolean isOpen() {
        return status == FeeStatus.OPEN;
    }
}
