package be.uliege.library.registration.patron;

import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Writes the records a chunk of the nightly load creates, all at once (R-SIS-1; the benchmark's
 * first import): the record rows in one multi-row insert that gives their ids back, then their
 * contact items, additional identifiers, name words and one history line each as batches (the
 * driver's bulk protocol), in the chunk's transaction. The entities are
 * built by the record's own constructor, so the values are exactly those the desk's path writes;
 * only the writing is by SQL, because the record's generated ids keep the persistence layer from
 * batching, and a record written one by one with some twenty history lines made a first import of
 * 100,000 people fifty times slower than the database's own bulk load.
 *
 * <p>The history says who created the record and in which run; the values are the record itself.
 */
@Component
class LoadedCreates {

    /** MariaDB takes at most 65,535 parameters in one statement. */
    private static final int MAX_PARAMETERS = 60_000;

    static final String HISTORY_FIELD = "universityLoad";

    private static final List<String> PATRON_COLUMNS = List.of(
            "version",
            "primary_identifier",
            "kind",
            "first_name",
            "last_name",
            "gender",
            "birth_date",
            "preferred_language",
            "user_group",
            "job_category",
            "job_description",
            "resource_sharing_library",
            "status",
            "status_date",
            "expiration_date",
            "purge_date",
            "record_type",
            "account_type",
            "institutional_record",
            "owning_system",
            "university_key",
            "created_at",
            "updated_at",
            "load_hash",
            "row_key",
            "synchronized_on",
            "synchronized_run");

    private final JdbcTemplate jdbc;

    LoadedCreates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A record to write, with the hash of the row it comes from and the row's fingerprint. */
    record NewRecord(Patron patron, String hash, @Nullable String rowKey) {}

    /**
     * Writes the records; returns their ids by primary identifier. Must run in the caller's
     * transaction (the chunk's): a failure leaves nothing behind.
     */
    Map<String, Long> insert(List<NewRecord> records, long run, LocalDate day, String actor) {
        var ids = new HashMap<String, Long>();
        if (records.isEmpty()) {
            return ids;
        }
        var rows = new ArrayList<@Nullable Object[]>(records.size());
        for (var record : records) {
            var p = record.patron();
            rows.add(new Object[] {
                0L,
                p.getPrimaryIdentifier(),
                p.getKind().name(),
                p.getFirstName(),
                p.getLastName(),
                name(p.getGender()),
                p.getBirthDate(),
                name(p.getPreferredLanguage()),
                p.getUserGroup(),
                p.getJobCategory(),
                p.getJobDescription(),
                p.getResourceSharingLibrary(),
                p.getStatus().name(),
                p.getStatusDate(),
                p.getExpirationDate(),
                p.getPurgeDate(),
                p.getRecordType().name(),
                p.getAccountType().name(),
                p.hasInstitutionalRecord(),
                p.getOwningSystem(),
                p.getUniversityKey(),
                utc(p.getCreatedAt()),
                utc(p.getUpdatedAt()),
                record.hash(),
                record.rowKey(),
                day,
                run
            });
        }
        // The ids come back with the insert (MariaDB's RETURNING): no second look-up per chunk.
        insertReturning("patron", PATRON_COLUMNS, rows, "id, primary_identifier", rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        });
        var contacts = new ArrayList<@Nullable Object[]>();
        var additional = new ArrayList<@Nullable Object[]>();
        var tokens = new ArrayList<@Nullable Object[]>();
        var history = new ArrayList<@Nullable Object[]>();
        var at = utc(records.getFirst().patron().getCreatedAt());
        for (var record : records) {
            var p = record.patron();
            long id = ids.get(p.getPrimaryIdentifier());
            for (var c : p.getContacts()) {
                contacts.add(new Object[] {
                    id,
                    c.getKind().name(),
                    c.getSource().name(),
                    c.getUsage().name(),
                    c.isPreferred(),
                    c.getValue(),
                    c.getPostalCode(),
                    c.getCity(),
                    c.getCountry()
                });
            }
            for (var i : p.getIdentifiers()) {
                additional.add(new Object[] {id, i.getType().name(), i.getValue()});
            }
            for (var token : p.nameTokens()) {
                tokens.add(new Object[] {id, token});
            }
            history.add(new Object[] {id, at, actor, HISTORY_FIELD, null, String.valueOf(run)});
        }
        insertRows(
                "contact_item",
                List.of(
                        "patron_id",
                        "kind",
                        "source",
                        "usage_type",
                        "preferred",
                        "item_value",
                        "postal_code",
                        "city",
                        "country"),
                contacts);
        insertRows("additional_identifier", List.of("patron_id", "id_type", "id_value"), additional);
        insertRows("patron_name_token", List.of("patron_id", "token"), tokens);
        insertRows(
                "patron_history",
                List.of("patron_id", "changed_at", "changed_by", "field_name", "old_value", "new_value"),
                history);
        return ids;
    }

    /**
     * One insert sent as a batch: MariaDB's driver sends it with the bulk protocol (one statement
     * prepared once, the rows' values in binary), which the server does not have to parse row by row
     * as it does a multi-row insert's text.
     */
    private void insertRows(String table, List<String> columns, List<@Nullable Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(",", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(java.sql.PreparedStatement ps, int row) throws java.sql.SQLException {
                bind(ps, java.util.Arrays.asList(rows.get(row)));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /**
     * Multi-row inserts, as many rows per statement as the parameter limit allows, the {@code
     * returning} columns of each row read back (the records' ids).
     */
    private void insertReturning(
            String table,
            List<String> columns,
            List<@Nullable Object[]> rows,
            String returning,
            RowCallbackHandler returned) {
        int perStatement = Math.max(1, MAX_PARAMETERS / columns.size());
        var tuple = "(" + String.join(",", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        for (int from = 0; from < rows.size(); from += perStatement) {
            var part = rows.subList(from, Math.min(rows.size(), from + perStatement));
            var sql = new StringBuilder("insert into ")
                    .append(table)
                    .append(" (")
                    .append(String.join(", ", columns))
                    .append(") values ");
            var args = new ArrayList<@Nullable Object>(part.size() * columns.size());
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ",").append(tuple);
                args.addAll(java.util.Arrays.asList(part.get(i)));
            }
            sql.append(" returning ").append(returning);
            jdbc.query(sql.toString(), ps -> bind(ps, args), returned);
        }
    }

    /**
     * The values in order, a null as SQL's NULL. Text, numbers and flags by their own setters: the
     * driver's {@code setObject} looks for the value's codec among all it knows, for each of the
     * millions of values of a first import.
     */
    private static void bind(java.sql.PreparedStatement ps, List<@Nullable Object> values)
            throws java.sql.SQLException {
        for (int i = 0; i < values.size(); i++) {
            switch (values.get(i)) {
                case null -> ps.setNull(i + 1, Types.NULL);
                case String text -> ps.setString(i + 1, text);
                case Long number -> ps.setLong(i + 1, number);
                case Boolean flag -> ps.setBoolean(i + 1, flag);
                case Object value -> ps.setObject(i + 1, value);
            }
        }
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** As the persistence layer writes instants (hibernate.jdbc.time_zone=UTC). */
    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
