package be.uliege.library.registration.patron;

import be.uliege.library.registration.patron.identifier.IdentifierType;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the patron table without a staff member's rights (issue 14: each
 * table belongs to one module): which patron an identifier names, a patron's primary identifier, and
 * the row lock that serialises two desks changing one patron. Callers are the card activation page
 * and the photo service (anonymous or client-authenticated, guarded where they are called) and the
 * fee module inside its own authorised transaction; nothing here reveals more than the identifier
 * the caller already holds.
 *
 * @see "docs/decisions/0010-tables-belong-to-modules.md"
 */
@Component
public class PatronLookup {

    private final JdbcTemplate jdbc;

    PatronLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The patron whose primary identifier this is (as stored: upper case). */
    @Transactional(readOnly = true)
    public Optional<Long> byPrimaryIdentifier(String identifier) {
        return first(jdbc.queryForList("select id from patron where primary_identifier = ?", Long.class, identifier));
    }

    /** The patron with this additional identifier (R-ID-5). */
    @Transactional(readOnly = true)
    public Optional<Long> byIdentifier(IdentifierType type, String value) {
        return first(jdbc.queryForList(
                "select patron_id from additional_identifier where id_type = ? and id_value = ?",
                Long.class,
                type.name(),
                value));
    }

    /** A patron's primary identifier. */
    @Transactional(readOnly = true)
    public Optional<String> primaryIdentifier(long patronId) {
        return jdbc.queryForList("select primary_identifier from patron where id = ?", String.class, patronId).stream()
                .findFirst();
    }

    /**
     * Locks the patron's row until the caller's transaction ends: two desks charging or changing
     * one patron at once run one after the other, the second seeing the first one's work.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForChange(long patronId) {
        jdbc.queryForList("select id from patron where id = ? for update", Long.class, patronId);
    }

    private static Optional<Long> first(List<Long> ids) {
        return ids.stream().findFirst();
    }
}
