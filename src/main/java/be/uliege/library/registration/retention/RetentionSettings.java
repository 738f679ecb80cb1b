package be.uliege.library.registration.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the purge runs (R-RET-1).
 *
 * @param cron            when the nightly purge runs (default 03:30, after the university's load)
 * @param batchSize       records decided and erased per transaction: each batch locks only its own
 *                        records, so the desk never waits on the purge for long
 * @param completedEvents how long the record of a carried-out side effect (a mail sent, a directory
 *                        entry written, with the values it carried) is kept before the purge deletes it
 */
@ConfigurationProperties("registration.retention")
public record RetentionSettings(
        @DefaultValue("0 30 3 * * *") String cron,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30d") Duration completedEvents) {}
