package be.uliege.library.registration.patron;

import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.security.Roles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The external patrons (B, BX) as the library system receives them (R-INT-3): a page at a time in
 * id order, each record with its contact items, identifiers and notes, read in four queries per
 * page whatever its size — so an export of a million records keeps its memory flat.
 */
@Service
public class ExternalPatrons {

    private final NamedParameterJdbcTemplate jdbc;

    ExternalPatrons(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A record for the export. */
    public record Exported(
            long id,
            String primaryIdentifier,
            PatronKind kind,
            String firstName,
            String lastName,
            @Nullable Gender gender,
            @Nullable LocalDate birthDate,
            @Nullable Language language,
            String userGroup,
            @Nullable String jobCategory,
            @Nullable String jobDescription,
            String resourceSharingLibrary,
            PatronStatus status,
            LocalDate expirationDate,
            LocalDate purgeDate,
            List<Contact> contacts,
            List<Identifier> identifiers,
            List<Note> notes) {}

    public record Contact(
            ContactKind kind,
            ContactSource source,
            ContactUsage usage,
            boolean preferred,
            String value,
            @Nullable String postalCode,
            @Nullable String city,
            @Nullable String country) {}

    public record Identifier(IdentifierType type, String value) {}

    public record Note(String text, String createdBy, Instant createdAt) {}

    /**
     * The B and BX records after {@code afterId}, in id order, at most {@code limit}; with {@code
     * changedSince}, only those changed since then (a delta).
     */
    @PreAuthorize("hasAnyRole('" + Roles.USER_ADMINISTRATOR + "', '" + Roles.SYSTEM + "')")
    @Transactional(readOnly = true)
    public List<Exported> page(@Nullable Instant changedSince, long afterId, int limit) {
        var params = new MapSqlParameterSource()
                .addValue("after", afterId)
                .addValue("limit", limit)
                .addValue("since", utc(changedSince));
        var rows = jdbc.query(
                "select id, primary_identifier, kind, first_name, last_name, gender, birth_date, preferred_language,"
                        + " user_group, job_category, job_description, resource_sharing_library, status,"
                        + " expiration_date, purge_date from patron where kind in ('B', 'BX') and id > :after"
                        + (changedSince == null ? "" : " and updated_at >= :since")
                        + " order by id limit :limit",
                params,
                (rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    PatronKind.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6) == null ? null : Gender.valueOf(rs.getString(6)),
                    rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                    rs.getString(8) == null ? null : Language.valueOf(rs.getString(8)),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    PatronStatus.valueOf(rs.getString(13)),
                    rs.getDate(14).toLocalDate(),
                    rs.getDate(15).toLocalDate()
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = new MapSqlParameterSource(
                "ids", rows.stream().map(r -> (Long) r[0]).toList());
        var contacts = new HashMap<Long, List<Contact>>();
        jdbc.query(
                "select patron_id, kind, source, usage_type, preferred, item_value, postal_code, city, country"
                        + " from contact_item where patron_id in (:ids) order by patron_id, id",
                ids,
                rs -> {
                    contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Contact(
                                    ContactKind.valueOf(rs.getString(2)),
                                    ContactSource.valueOf(rs.getString(3)),
                                    ContactUsage.valueOf(rs.getString(4)),
                                    rs.getBoolean(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9)));
                });
        var identifiers = new HashMap<Long, List<Identifier>>();
        jdbc.query(
                "select patron_id, id_type, id_value from additional_identifier where patron_id in (:ids)"
                        + " order by patron_id, id_type, id_value",
                ids,
                rs -> {
                    identifiers
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Identifier(IdentifierType.valueOf(rs.getString(2)), rs.getString(3)));
                });
        var notes = new HashMap<Long, List<Note>>();
        jdbc.query(
                "select patron_id, note_text, created_by, created_at from patron_note where patron_id in (:ids)"
                        + " order by patron_id, id",
                ids,
                rs -> {
                    notes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Note(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                });
        var page = new ArrayList<Exported>(rows.size());
        for (var r : rows) {
            long id = (Long) r[0];
            page.add(new Exported(
                    id,
                    (String) r[1],
                    (PatronKind) r[2],
                    (String) r[3],
                    (String) r[4],
                    (Gender) r[5],
                    (LocalDate) r[6],
                    (Language) r[7],
                    (String) r[8],
                    (String) r[9],
                    (String) r[10],
                    (String) r[11],
                    (PatronStatus) r[12],
                    (LocalDate) r[13],
                    (LocalDate) r[14],
                    contacts.getOrDefault(id, List.of()),
                    identifiers.getOrDefault(id, List.of()),
                    notes.getOrDefault(id, List.of())));
        }
        return page;
    }

    /** As the persistence layer writes instants (hibernate.jdbc.time_zone=UTC), whatever the JVM's zone. */
    private static @Nullable LocalDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
