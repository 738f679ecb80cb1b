package be.uliege.library.registration.card;

import be.uliege.library.registration.patron.PatronsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R-DESK-9: the absorbed record's cards move to the survivor, in the merge's transaction, and so
 * does its photo when the survivor has none (the survivor's own photo is kept otherwise, and the
 * absorbed one goes with its record).
 */
@Component
class MergedCards {

    private final JdbcTemplate jdbc;

    MergedCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PatronsMerged merged) {
        jdbc.update("update card set patron_id = ? where patron_id = ?", merged.survivorId(), merged.absorbedId());
        var survivorPhotos = jdbc.queryForObject(
                "select count(*) from patron_photo where patron_id = ?", Integer.class, merged.survivorId());
        if (survivorPhotos != null && survivorPhotos == 0) {
            jdbc.update(
                    "update patron_photo set patron_id = ? where patron_id = ?",
                    merged.survivorId(),
                    merged.absorbedId());
        }
    }
}
