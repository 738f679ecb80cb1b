package be.uliege.library.registration.load;

import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.PatronKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the nightly load runs (R-SIS-1…4), shipped with ULiège's values ({@code application.yml});
 * the mapping of the file's codes is documented in {@code docs/alma-user-mapping.md}.
 *
 * @param folder           where the university's transfer drops the file; {@code processed/} and
 *                         {@code failed/} beside it receive it after the run
 * @param cron             when the load runs (default 02:00 every night)
 * @param mode             the scheduled run's mode: synchronize, or import for a first load
 * @param matchPoint       what a row is matched on (R-SIS-2)
 * @param kindPriority     which row wins when one person is in the file twice (default U, C, S)
 * @param chunkSize        rows per transaction
 * @param universityKeyType the {@code id_type} of {@code user_identifiers} that holds the university
 *                         key (R-ID-5)
 * @param groups           the file's {@code user_group} codes and the patron kind and group each
 *                         gives
 * @param languages        the file's {@code preferred_language} codes and the record's language
 * @param studentHoldBack  R-SIS-4: the day (month-day) from which a student whose enrolment does
 *                         not reach the next academic year is no longer synchronized
 * @param onlineImportUrl  the university's endpoint that answers one person's user XML (R-SIS-2);
 *                         {@code {id}} is replaced by the P key or identifier asked for
 */
@ConfigurationProperties("registration.load")
public record LoadSettings(
        Path folder,
        @DefaultValue("0 0 2 * * *") String cron,
        @DefaultValue("SYNCHRONIZE") LoadInstructions.Mode mode,
        @DefaultValue("UNIVERSITY_KEY") LoadInstructions.MatchPoint matchPoint,
        @DefaultValue({"U", "C", "S"}) List<PatronKind> kindPriority,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("UNIV_ID") String universityKeyType,
        Map<String, Group> groups,
        Map<String, String> languages,
        @DefaultValue("--07-01") String studentHoldBack,
        @Nullable String onlineImportUrl,
        @DefaultValue("10s") Duration onlineImportTimeout) {

    /** What a {@code user_group} code of the file means here. */
    public record Group(
            PatronKind kind, String name, @Nullable String jobCategory) {}

    public Path processed() {
        return folder.resolve("processed");
    }

    public Path failed() {
        return folder.resolve("failed");
    }
}
