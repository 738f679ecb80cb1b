package be.uliege.library.registration.patron;

import java.util.Locale;
import java.util.Optional;

/**
 * Who a patron is, told by the first letters of the primary identifier (R-ID-1).
 */
public enum PatronKind {
    /** University staff. */
    U,
    /** Student. */
    S,
    /** Hospital (CHU) staff. */
    C,
    /** External patron with a login. */
    B,
    /** External patron excluded from authentication: document delivery only, no login. */
    BX;

    /** True for the external patrons (B and BX), whom the library itself registers. */
    public boolean isExternal() {
        return this == B || this == BX;
    }

    /** True for the university's own people, loaded every night. */
    public boolean isUniversity() {
        return !isExternal();
    }

    /** The kind an identifier's prefix says, BX before B. */
    public static Optional<PatronKind> ofIdentifier(String identifier) {
        var upper = identifier.strip().toUpperCase(Locale.ROOT);
        if (upper.startsWith("BX")) {
            return Optional.of(BX);
        }
        if (upper.isEmpty()) {
            return Optional.empty();
        }
        return switch (upper.charAt(0)) {
            case 'U' -> Optional.of(U);
            case 'S' -> Optional.of(S);
            case 'C' -> Optional.of(C);
            case 'B' -> Optional.of(B);
            default -> Optional.empty();
        };
    }
}
