package be.uliege.library.registration.patron;

import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.security.Roles;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the patron tables (issue 14: each table belongs to one module):
 * which patron an identifier names, a patron's primary identifier, the row lock that serialises two
 * desks changing one patron, and, for desk staff, the names shown in lists such as the queue. Callers are the card activation page
 * and the photo service (anonymous or client-authenticated, guarded where they are called) and the
 * fee module inside its own authorised transaction; nothing here reveals more than the identifier
 * the caller already holds.
 *
 * @see "docs/decisions/0010-tables-belong-to-modules.md"
 */
@Service
public class PatronLookup {

    private final JdbcTemplate jdbc;

    PatronLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The patron whose primary identifier this is (as stored: upper case). */
    // Anyone: a patron's own online activation (R-CARD-5) and the photo service's clients (checked by
    // their network) ask which record an identifier names; the answer is an id, no personal data.
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<PatronId> byPrimaryIdentifier(String identifier) {
        return first(jdbc.queryForList("select id from patron where primary_identifier = ?", Long.class, identifier));
    }

    /** The patron with this additional identifier (R-ID-5). */
    // Anyone: as byPrimaryIdentifier, for the photo service's identifiers (R-ID-5).
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<PatronId> byIdentifier(IdentifierType type, String value) {
        return first(jdbc.queryForList(
                "select patron_id from additional_identifier where id_type = ? and id_value = ?",
                Long.class,
                type.name(),
                value));
    }

    /** A patron's primary identifier. */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    @Transactional(readOnly = true)
    public Optional<String> primaryIdentifier(PatronId patronId) {
        return jdbc
                .queryForList("select primary_identifier from patron where id = ?", String.class, patronId.value())
                .stream()
                .findFirst();
    }

    /** A patron whose registration expires on the given day. */
    public record Expiring(PatronId patron, LocalDate expiration) {}

    /** The active patrons of a kind whose registration expires between the two days, both included. */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    @Transactional(readOnly = true)
    public List<Expiring> expiringBetween(PatronKind kind, LocalDate from, LocalDate to) {
        return jdbc.query(
                "select id, expiration_date from patron where kind = ? and status = 'ACTIVE' "
                        + "and expiration_date between ? and ?",
                (row, n) -> new Expiring(new PatronId(row.getLong(1)), row.getObject(2, LocalDate.class)),
                kind.name(),
                Date.valueOf(from),
                Date.valueOf(to));
    }

    /**
     * Locks the patron's row until the caller's transaction ends: two desks charging or changing
     * one patron at once run one after the other, the second seeing the first one's work.
     */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForChange(PatronId patronId) {
        jdbc.queryForList("select id from patron where id = ? for update", Long.class, patronId.value());
    }

    /** A patron's names and the e-mail letters go to first, for a list such as the desk's queue. */
    public record Names(
            String firstName, String lastName, @Nullable String email) {}

    /** The names and first e-mail (preferred first) of these patrons, by id. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Map<PatronId, Names> names(Collection<PatronId> patronIds) {
        var names = new HashMap<PatronId, Names>();
        if (patronIds.isEmpty()) {
            return names;
        }
        var marks = String.join(",", Collections.nCopies(patronIds.size(), "?"));
        jdbc.query(
                """
                select p.id, p.first_name, p.last_name,
                  (select c.item_value from contact_item c where c.patron_id = p.id and c.kind = 'EMAIL'
                   order by c.preferred desc, c.id limit 1)
                from patron p where p.id in (""" + marks + ")",
                row -> {
                    names.put(
                            new PatronId(row.getLong(1)),
                            new Names(row.getString(2), row.getString(3), row.getString(4)));
                },
                patronIds.stream().map(PatronId::value).toArray());
        return names;
    }

    /**
     * Among these patrons, those whose last name, first name or an e-mail address starts with the
     * given prefix (escaped for LIKE; the columns' collation ignores accents and case).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<PatronId> startingWith(String likePrefix, Collection<PatronId> among) {
        if (among.isEmpty()) {
            return List.of();
        }
        var marks = String.join(",", Collections.nCopies(among.size(), "?"));
        var arguments = new ArrayList<Object>(List.of(likePrefix + "%", likePrefix + "%", likePrefix + "%"));
        among.forEach(id -> arguments.add(id.value()));
        return jdbc
                .queryForList(
                        "select p.id from patron p where (p.last_name like ? or p.first_name like ? or exists ("
                                + "select 1 from contact_item c where c.patron_id = p.id and c.kind = 'EMAIL' "
                                + "and c.item_value like ?)) and p.id in (" + marks + ")",
                        Long.class,
                        arguments.toArray())
                .stream()
                .map(PatronId::new)
                .toList();
    }

    private static Optional<PatronId> first(List<Long> ids) {
        return ids.stream().findFirst().map(PatronId::new);
    }
}
