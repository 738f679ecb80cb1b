package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.patron.history.HistoryRepository;
import be.uliege.library.registration.patron.internal.PatronRepository;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patron's history (R-REC-6): every change of the record, field by field, with who and when, and
 * the steps done outside the record (an account created, a mail sent, a fee paid, a card printed).
 */
@Service
public class PatronHistory {

    private static final int VALUE_MAX = 1000;

    private final HistoryRepository history;
    private final PatronRepository patrons;
    private final JdbcTemplate jdbc;
    private final CurrentStaff staff;
    private final Clock clock;

    PatronHistory(
            HistoryRepository history, PatronRepository patrons, JdbcTemplate jdbc, CurrentStaff staff, Clock clock) {
        this.history = history;
        this.patrons = patrons;
        this.jdbc = jdbc;
        this.staff = staff;
        this.clock = clock;
    }

    /** The patron's history, latest first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<HistoryLine> lines(long patronId) {
        return history.findByPatronIdOrderByChangedAtDescIdDesc(patronId).stream()
                .map(h -> new HistoryLine(
                        h.getChangedAt(), h.getChangedBy(), h.getField(), h.getOldValue(), h.getNewValue()))
                .toList();
    }

    /**
     * Adds a line for a step done outside the record (R-REC-6): a directory account created, a
     * welcome mail sent, a fee paid. Does not change the record's version. A staff member's step, or
     * the system's (a listener after the commit, a patron's own online activation).
     */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    @Transactional
    public void recordStep(PatronId patronId, String step, String outcome) {
        if (patrons.existsById(patronId.value())) {
            record(patronId.value(), Map.of(), Map.of(step, outcome));
        }
    }

    /**
     * Writes one line per field that differs, in one batch: a new record has some twenty fields,
     * and row-by-row inserts were a registration's largest cost.
     */
    void record(long patronId, Map<String, String> before, Map<String, String> after) {
        var actor = staff.actor();
        var at = Timestamp.from(clock.instant());
        var fields = new HashSet<String>(before.keySet());
        fields.addAll(after.keySet());
        var rows = new ArrayList<Object[]>();
        fields.stream().sorted().forEach(field -> {
            var old = before.get(field);
            var now = after.get(field);
            if (!Objects.equals(old, now)) {
                rows.add(new Object[] {patronId, at, actor, field, cut(old), cut(now)});
            }
        });
        jdbc.batchUpdate(
                "insert into patron_history (patron_id, changed_at, changed_by, field_name, old_value, "
                        + "new_value) values (?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** Deletes a patron's whole history, with the record it belongs to. */
    void forget(long patronId) {
        history.deleteByPatronId(patronId);
    }

    private static @Nullable String cut(@Nullable String value) {
        return value == null || value.length() <= VALUE_MAX ? value : value.substring(0, VALUE_MAX);
    }
}
