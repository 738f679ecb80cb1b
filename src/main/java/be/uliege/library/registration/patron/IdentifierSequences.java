package be.uliege.library.registration.patron;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues new primary identifiers (R-ID-3): desk B numbers, pre-registration B95 numbers, and BX
 * numbers made from a new desk B number whose {@code B} becomes {@code BX}. A number already worn
 * by a patron (loaded before the sequence existed) is skipped. Warns when a range is 90 % used.
 */
@Component
class IdentifierSequences {

    private static final Logger log = LoggerFactory.getLogger(IdentifierSequences.class);

    private final IdentifierSequenceRepository sequences;
    private final PatronRepository patrons;
    private final PatronSettings settings;

    IdentifierSequences(IdentifierSequenceRepository sequences, PatronRepository patrons, PatronSettings settings) {
        this.sequences = sequences;
        this.patrons = patrons;
        this.settings = settings;
    }

    /** A new identifier for a patron of the kind, within the caller's transaction (the desk's). */
    @Transactional(propagation = Propagation.MANDATORY)
    PrimaryIdentifier next(PatronKind kind, IdentifierRange rangeName) {
        return take(kind, rangeName);
    }

    /**
     * A new identifier taken in its own short transaction, committed at once, so that the row
     * lock is not held while the caller's registration is stored: many public submissions at a
     * time then queue only for this. A number taken by a registration that fails afterwards is
     * simply never issued (R-ID-3: never reused).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    PrimaryIdentifier reserve(PatronKind kind, IdentifierRange rangeName) {
        return take(kind, rangeName);
    }

    private PrimaryIdentifier take(PatronKind kind, IdentifierRange rangeName) {
        if (!kind.isExternal()) {
            throw new IllegalArgumentException("Only B and BX identifiers are issued here; " + kind + " come from the load");
        }
        if (kind == PatronKind.BX && rangeName != IdentifierRange.DESK) {
            throw new IllegalArgumentException("BX identifiers come from the desk B range");
        }
        var range = range(rangeName);
        // The rows are created by the migration; the row lock serialises concurrent desks.
        var sequence = sequences.lockByName(rangeName.name())
                .orElseThrow(() -> new IllegalStateException("Missing identifier sequence " + rangeName));
        while (true) {
            long number = sequence.take(range);
            var b = "B" + String.format("%06d", number);
            var value = kind == PatronKind.BX ? "BX" + b.substring(1) : b;
            if (!patrons.isIdentifierTaken(b) && (kind != PatronKind.BX || !patrons.isIdentifierTaken(value))) {
                double usage = sequence.usage(range);
                if (usage >= settings.identifierRanges().warnAt()) {
                    log.warn("Identifier range {} is {}% used: extend it before it runs out",
                            rangeName, Math.round(usage * 100));
                }
                return PrimaryIdentifier.parse(value, settings);
            }
        }
    }

    @Transactional(readOnly = true)
    List<RangeUsage> usage() {
        return Arrays.stream(IdentifierRange.values()).map(name -> {
            var range = range(name);
            double used = sequences.findById(name.name()).map(s -> s.usage(range)).orElse(0.0);
            return new RangeUsage(name, used, used >= settings.identifierRanges().warnAt());
        }).toList();
    }

    private PatronSettings.Range range(IdentifierRange name) {
        return switch (name) {
            case DESK -> settings.identifierRanges().desk();
            case PRE_REGISTRATION -> settings.identifierRanges().preRegistration();
        };
    }
}
