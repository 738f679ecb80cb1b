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

    /**
     * The records the values lead to: university keys (on the record or kept as an additional
     * identifier by a conversion) and primary identifiers (current or former, R-CNV-3).
     */
    public List<Match> match(Collection<String> universityKeys, Collection<String> primaryIdentifiers) {
        var found = new ArrayList<Match>();
        var params = new MapSqlParameterSource()
                .addValue("keys", universityKeys.isEmpty() ? List.of("") : universityKeys)
                .addValue("ids", primaryIdentifiers.isEmpty() ? List.of("") : primaryIdentifiers);
        jdbc.query("""
                select university_key as v, 'UNIVERSITY_KEY' as via, id from patron where university_key in (:keys)
                union all
                select primary_identifier, 'PRIMARY_IDENTIFIER', id from patron where primary_identifier in (:ids)
                union all
                select id_value, 'UNIVERSITY_KEY', patron_id from additional_identifier
                 where id_type = 'UNIVERSITY_KEY' and id_value in (:keys)
                union all
                select id_value, 'PRIMARY_IDENTIFIER', patron_id from additional_identifier
                 where id_type = 'FORMER_PRIMARY' and id_value in (:ids)""", params, rs -> {
            found.add(new Match(rs.getString(1), Via.valueOf(rs.getString(2)), rs.getLong(3)));
        });
        return found;
    }

    /** The load's view of these records. */
    public Map<Long, LoadState> states(Collection<Long> ids) {
        var states = new HashMap<Long, LoadState>();
        if (ids.isEmpty()) {
            return states;
        }
        jdbc.query("""
                select id, primary_identifier, kind, university_key, load_hash, synchronized_run, synchronized_on
                  from patron where id in (:ids)""", new MapSqlParameterSource("ids", ids), rs -> {
            long runValue = rs.getLong(6);
            Long run = rs.wasNull() ? null : runValue;
            var day = rs.getDate(7);
            states.put(
                    rs.getLong(1),
                    new LoadState(
                            rs.getLong(1),
                            rs.getString(2),
                            PatronKind.valueOf(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5),
                            run,
                            day == null ? null : day.toLocalDate()));
        });
        return states;
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

    /** The hash of the row as applied, with the day and the run, for records created or updated. */
    public void markApplied(Map<Long, String> hashes, long run, LocalDate day) {
        if (hashes.isEmpty()) {
            return;
        }
        var batch = hashes.entrySet().stream()
                .map(e -> new MapSqlParameterSource()
                        .addValue("hash", e.getValue())
                        .addValue("day", Date.valueOf(day))
                        .addValue("run", run)
                        .addValue("id", e.getKey()))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate(
                "update patron set load_hash = :hash, synchronized_on = :day, synchronized_run = :run where id = :id",
                batch);
    }
}
