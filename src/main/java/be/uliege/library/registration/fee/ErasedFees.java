package be.uliege.library.registration.fee;

import be.uliege.library.registration.patron.PatronsErased;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fees of erased patrons (R-RET-1, R-RET-2): a patron who owes a fee is never erased, and the
 * fees of an erased patron stay for the accounts — amount, type, label, site, operator, dates,
 * receipt number, so that the cash reports of past days still add up — without the patron: no
 * record id (0), no identifier, no waiver reason (free text that may name them).
 */
@Service
public class ErasedFees {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ErasedFees(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Which of these patrons owe a fee (an open one): they are kept, and listed, by the purge. */
    @PreAuthorize("hasAnyRole('" + Roles.DESK_MANAGER + "', '" + Roles.SYSTEM + "')")
    @Transactional(readOnly = true)
    public Set<Long> owing(Collection<Long> patronIds) {
        var owing = new HashSet<Long>();
        if (patronIds.isEmpty()) {
            return owing;
        }
        jdbc.query(
                "select distinct patron_id from fee where status = 'OPEN' and patron_id in (:ids)",
                new MapSqlParameterSource("ids", patronIds),
                rs -> {
                    owing.add(rs.getLong(1));
                });
        return owing;
    }

    /**
     * In the erasure's transaction: refuses it when a fee is open (the purge and the manager check
     * first; this is the last word, should a fee be charged in between), then anonymises the fees.
     */
    @EventListener
    void on(PatronsErased erased) {
        var owing = owing(erased.ids());
        if (!owing.isEmpty()) {
            throw new IllegalStateException(owing.size() + " patron(s) to erase owe a fee: nothing erased");
        }
        jdbc.update(
                "update fee set patron_id = 0, patron_identifier = '', waiver_reason = null, anonymised_at = :at"
                        + " where patron_id in (:ids)",
                new MapSqlParameterSource()
                        .addValue("ids", erased.ids())
                        .addValue("at", Timestamp.from(clock.instant())));
    }
}
