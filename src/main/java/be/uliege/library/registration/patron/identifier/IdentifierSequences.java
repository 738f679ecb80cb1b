package be.uliege.library.registration.patron.identifier;

import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronSettings;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues new primary identifiers (R-ID-3): desk B numbers, pre-registration B95 numbers, and BX
 * numbers made from a new desk B number whose {@code B} becomes {@code BX}. A number already worn
 * by a patron (loaded before the sequence existed) is skipped. Warns when a range is 90 % used.
 *
 * <p>A number is taken by one statement that moves the sequence on and returns the number it
 * passed: its row lock lasts until the statement's transaction ends, so concurrent desks queue for
 * it and never get the same number, and a number is never issued twice, not even after its patron
 * was purged or its registration failed.
 */
@Component
public class IdentifierSequences {

    private static final Logger log = LoggerFactory.getLogger(IdentifierSequences.class);

    /**
     * Moves the sequence to the next number within the range: a range moved forward by
     * configuration starts at its new beginning, never goes back, and a used-up range changes
     * nothing. {@code last_insert_id(x)} hands the new value back with the statement's answer.
     */
    private static final String TAKE = """
            update identifier_sequence set next_value = last_insert_id(greatest(next_value, ?) + 1)
            where name = ? and greatest(next_value, ?) <= ?""";

    private final IdentifierSequenceRepository sequences;
    private final JdbcTemplate jdbc;
    private final PatronSettings settings;

    IdentifierSequences(IdentifierSequenceRepository sequences, JdbcTemplate jdbc, PatronSettings settings) {
        this.sequences = sequences;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** A new identifier for a patron of the kind, within the caller's transaction (the desk's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public PrimaryIdentifier next(PatronKind kind, IdentifierRange rangeName) {
        return take(kind, rangeName);
    }

    /**
     * A new identifier taken outside any transaction, committed at once, so that the row lock is
     * not held while the caller's registration is stored: many public submissions at a time then
     * queue only for this one statement. A number taken by a registration that fails afterwards is
     * simply never issued (R-ID-3: never reused).
     */
    @Transactional(propagation = Propagation.NEVER)
    public PrimaryIdentifier reserve(PatronKind kind, IdentifierRange rangeName) {
        return take(kind, rangeName);
    }

    private PrimaryIdentifier take(PatronKind kind, IdentifierRange rangeName) {
        if (!kind.isExternal()) {
            throw new IllegalArgumentException(
                    "Only B and BX identifiers are issued here; " + kind + " come from the load");
        }
        if (kind == PatronKind.BX && rangeName != IdentifierRange.DESK) {
            throw new IllegalArgumentException("BX identifiers come from the desk B range");
        }
        var range = range(rangeName);
        while (true) {
            long number = takeNumber(rangeName.name(), range);
            var b = "B" + String.format("%06d", number);
            var value = kind == PatronKind.BX ? "BX" + b.substring(1) : b;
            if (!isTaken(b) && (kind != PatronKind.BX || !isTaken(value))) {
                double usage = (double) (number + 1 - range.from()) / range.size();
                if (usage >= settings.identifierRanges().warnAt()) {
                    log.warn(
                            "Identifier range {} is {}% used: extend it before it runs out",
                            rangeName, Math.round(usage * 100));
                }
                return PrimaryIdentifier.parse(value, settings);
            }
        }
    }

    /**
     * The next number of the named sequence within the range, in the caller's transaction (or
     * committed at once without one).
     *
     * @throws IdentifierRangeExhaustedException when the range is used up
     */
    long takeNumber(String name, PatronSettings.Range range) {
        var keys = new GeneratedKeyHolder();
        int updated = jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(TAKE, Statement.RETURN_GENERATED_KEYS);
                    statement.setLong(1, range.from());
                    statement.setString(2, name);
                    statement.setLong(3, range.from());
                    statement.setLong(4, range.to());
                    return statement;
                },
                keys);
        if (updated == 0) {
            if (sequences.existsById(name)) {
                throw new IdentifierRangeExhaustedException(name);
            }
            throw new IllegalStateException("Missing identifier sequence " + name);
        }
        return Objects.requireNonNull(keys.getKey(), "the database did not return the number")
                        .longValue()
                - 1;
    }

    /**
     * Worn by a patron already, as primary or additional identifier, or worn by an erased patron
     * (R-ID-3: never given again, not even after a purge).
     */
    private boolean isTaken(String identifier) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from patron where primary_identifier = ?)
                or exists (select 1 from additional_identifier where id_value = ?)
                or exists (select 1 from retired_identifier where id_value = ?)""", Boolean.class, identifier, identifier, identifier));
    }

    @Transactional(readOnly = true)
    public List<RangeUsage> usage() {
        return Arrays.stream(IdentifierRange.values())
                .map(name -> {
                    var range = range(name);
                    double used = sequences
                            .findById(name.name())
                            .map(s -> s.usage(range))
                            .orElse(0.0);
                    return new RangeUsage(
                            name, used, used >= settings.identifierRanges().warnAt());
                })
                .toList();
    }

    private PatronSettings.Range range(IdentifierRange name) {
        return switch (name) {
            case DESK -> settings.identifierRanges().desk();
            case PRE_REGISTRATION -> settings.identifierRanges().preRegistration();
        };
    }
}
