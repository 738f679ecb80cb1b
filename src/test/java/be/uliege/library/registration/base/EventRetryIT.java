package be.uliege.library.registration.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The event registry on MariaDB: completed events are deleted after a week, incomplete ones never. */
@SpringBootTest
class EventRetryIT {

    @Autowired
    EventRetry retry;

    @Autowired
    JdbcTemplate jdbc;

    String event(Instant published, Instant completed) {
        var id = UUID.randomUUID().toString();
        jdbc.update(
                """
                insert into EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE,
                  COMPLETION_DATE, STATUS, COMPLETION_ATTEMPTS) values (?, 'test.prune', 'String', '"x"', ?, ?, ?, 1)""",
                id,
                Timestamp.from(published),
                completed == null ? null : Timestamp.from(completed),
                completed == null ? "FAILED" : "COMPLETED");
        return id;
    }

    boolean exists(String id) {
        return jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where ID = ?", Integer.class, id) == 1;
    }

    @Test
    void completedEventsOlderThanAWeekAreDeleted_recentAndIncompleteOnesStay() {
        var now = Instant.now();
        var old = event(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(9)));
        var recent = event(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        var pending = event(now.minus(Duration.ofDays(10)), null);
        try {
            retry.pruneCompleted();

            assertThat(exists(old)).as("completed 9 days ago").isFalse();
            assertThat(exists(recent)).as("completed yesterday").isTrue();
            assertThat(exists(pending)).as("never completed").isTrue();
        } finally {
            jdbc.update("delete from EVENT_PUBLICATION where LISTENER_ID = 'test.prune'");
        }
    }
}
