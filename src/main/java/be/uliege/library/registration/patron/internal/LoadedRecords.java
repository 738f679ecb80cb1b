package be.uliege.library.registration.patron.internal;

import be.uliege.library.registration.patron.PatronKind;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The nightly load's reads and writes that must not go through the record's entity (R-SIS-5): one
 * query per chunk finds every record the chunk's rows may match, and an unchanged row only moves its
 * record's "synchronized on" day, without a version or a history line.
 */
@Repository
public class LoadedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    LoadedRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the load needs to know of a record it may match. */
    public record LoadState(
            long id,
            String primaryIdentifier,
            PatronKind kind,
            @Nullable String universityKey,
            @Nullable String loadHash,
            @Nullable Long synchronizedRun,
            @Nullable LocalDate synchronizedOn) {}

    /** How a value reached a record. */
    public enum Via {
        UNIVERSITY_KEY,
        PRIMARY_IDENTIFIER
    }

    /** A record found for a value, and how. */
    public record Match(String value, Via via, long patronId) {}

    /** What one look-up found: the matches, and the load's view of each record they lead to. */
    public record Found(List<Match> matches, Map<Long, LoadState> states) {}

    private static final String STATE = "p.id, p.primary_identifier, p.kind, p.university_key, p.load_hash,"
            + " p.synchronized_run, p.synchronized_on";

    /**
     * The records the values lead to, with their state, in one query: university keys (on the
     * record or kept as an additional identifier by a conversion) and primary identifiers (current
     * or former, R-CNV-3).
     */
    public Found match(Collection<String> universityKeys, Collection<String> primaryIdentifiers) {
        var found = new ArrayList<Match>();
        var states = new HashMap<Long, LoadState>();
        var params = new MapSqlParameterSource()
                .addValue("keys", universityKeys.isEmpty() ? List.of("") : universityKeys)
                .addValue("ids", primaryIdentifiers.isEmpty() ? List.of("") : primaryIdentifiers);
        jdbc.query(
                "select p.university_key as v, 'UNIVERSITY_KEY' as via, " + STATE
                        + " from patron p where p.university_key in (:keys)"
                        + " union all select p.primary_identifier, 'PRIMARY_IDENTIFIER', " + STATE
                        + " from patron p where p.primary_identifier in (:ids)"
                        + " union all select a.id_value, 'UNIVERSITY_KEY', " + STATE
                        + " from additional_identifier a join patron p on p.id = a.patron_id"
                        + " where a.id_type = 'UNIVERSITY_KEY' and a.id_value in (:keys)"
                        + " union all select a.id_value, 'PRIMARY_IDENTIFIER', " + STATE
                        + " from additional_identifier a join patron p on p.id = a.patron_id"
                        + " where a.id_type = 'FORMER_PRIMARY' and a.id_value in (:ids)",
                params,
                rs -> {
                    long id = rs.getLong(3);
                    found.add(new Match(rs.getString(1), Via.valueOf(rs.getString(2)), id));
                    long runValue = rs.getLong(8);
                    Long run = rs.wasNull() ? null : runValue;
                    var day = rs.getDate(9);
                    states.put(
                            id,
                            new LoadState(
                                    id,
                                    rs.getString(4),
                                    PatronKind.valueOf(rs.getString(5)),
                                    rs.getString(6),
                                    rs.getString(7),
                                    run,
                                    day == null ? null : day.toLocalDate()));
                });
        return new Found(found, states);
    }

    /** R-SIS-3, R-SIS-5: unchanged records only move their day and run: no version, no history. */
    public void markSeen(Collection<Long> ids, long run, LocalDate day) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(
                "update patron set synchronized_on = :day, synchronized_run = :run where id in (:ids)",
                new MapSqlParameterSource()
                        .addValue("day", Date.valueOf(day))
                        .addValue("run", run)
                        .addValue("ids", ids));
    }

    /**
     * As {@link #markSeen(Collection, long, LocalDate)}, keeping the fingerprint of the row that found
     * each record unchanged (when it has one) for the next night.
     */
    public void markSeen(Map<Long, @Nullable String> rowKeys, long run, LocalDate day) {
        var withKey = rowKeys.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> new MapSqlParameterSource()
                        .addValue("key", e.getValue())
                        .addValue("day", Date.valueOf(day))
                        .addValue("run", run)
                        .addValue("id", e.getKey()))
                .toArray(MapSqlParameterSource[]::new);
        if (withKey.length > 0) {
            jdbc.batchUpdate(
                    "update patron set row_key = :key, synchronized_on = :day, synchronized_run = :run where id = :id",
                    withKey);
        }
        markSeen(
                rowKeys.entrySet().stream()
                        .filter(e -> e.getValue() == null)
                        .map(Map.Entry::getKey)
                        .toList(),
                run,
                day);
    }

    /** What a created or updated record keeps of the row applied: the hash of its values, its fingerprint. */
    public record Applied(String hash, @Nullable String rowKey) {}

    /** The hash of the row as applied and its fingerprint, with the day and the run, for records updated. */
    public void markApplied(Map<Long, Applied> applied, long run, LocalDate day) {
        if (applied.isEmpty()) {
            return;
        }
        var batch = applied.entrySet().stream()
                .map(e -> new MapSqlParameterSource()
                        .addValue("hash", e.getValue().hash())
                        .addValue("key", e.getValue().rowKey())
                        .addValue("day", Date.valueOf(day))
                        .addValue("run", run)
                        .addValue("id", e.getKey()))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate(
                "update patron set load_hash = :hash, row_key = :key, synchronized_on = :day, synchronized_run = :run"
                        + " where id = :id",
                batch);
    }

    /** What the load's first look at a row needs of the record with its primary identifier. */
    public record Fingerprinted(
            long id,
            PatronKind kind,
            @Nullable String rowKey,
            @Nullable Long synchronizedRun) {}

    /** The records holding these primary identifiers, by identifier: one indexed query. */
    public Map<String, Fingerprinted> fingerprints(Collection<String> primaryIdentifiers) {
        var found = new HashMap<String, Fingerprinted>();
        if (primaryIdentifiers.isEmpty()) {
            return found;
        }
        jdbc.query(
                "select id, primary_identifier, kind, row_key, synchronized_run from patron"
                        + " where primary_identifier in (:ids)",
                new MapSqlParameterSource("ids", primaryIdentifiers),
                rs -> {
                    long runValue = rs.getLong(5);
                    Long run = rs.wasNull() ? null : runValue;
                    found.put(
                            rs.getString(2),
                            new Fingerprinted(
                                    rs.getLong(1), PatronKind.valueOf(rs.getString(3)), rs.getString(4), run));
                });
        return found;
    }
}
