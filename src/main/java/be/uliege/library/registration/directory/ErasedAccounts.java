package be.uliege.library.registration.directory;

import be.uliege.library.registration.patron.PatronsErased;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The directory entries of erased patrons (R-RET-1): in the erasure's transaction, before the
 * account rows go with the records, the entries to delete are decided — the account's uid, and
 * every B identifier the patron had (an account disabled when the identifier changed stays in the
 * directory until the purge) — and asked for with {@link PatronEntriesDeleteRequested}: if the
 * erasure rolls back, nothing reaches the directory.
 */
@Component
class ErasedAccounts {

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    ErasedAccounts(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void on(PatronsErased erased) {
        var uids = new LinkedHashSet<String>();
        jdbc.query(
                "select uid from directory_account where patron_id in (:ids)",
                new MapSqlParameterSource("ids", erased.ids()),
                rs -> {
                    uids.add(rs.getString(1));
                });
        for (var patron : erased.patrons()) {
            // Only ours: the directory's entries of the university's people are not in our branch.
            if (patron.primaryIdentifier().startsWith("B")) {
                uids.add(patron.primaryIdentifier());
            }
            patron.formerIdentifiers().stream().filter(f -> f.startsWith("B")).forEach(uids::add);
        }
        if (!uids.isEmpty()) {
            events.publishEvent(new PatronEntriesDeleteRequested(
                    UUID.randomUUID().toString(), uids.stream().toList()));
        }
    }
}
