package be.uliege.library.registration.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.load.LoadReportLine;
import be.uliege.library.registration.load.LoadRun;
import be.uliege.library.registration.load.Loads;
import be.uliege.library.registration.load.OnlineImport;
import be.uliege.library.registration.load.file.AlmaUserReader;
import be.uliege.library.registration.load.file.ReadLimits;
import be.uliege.library.registration.load.file.ReadRow;
import be.uliege.library.registration.security.Roles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The embedded defaults' first start (issue 16): a generated university file is loaded, so a
 * newcomer sees U, S and C patrons and a load in the history; the demo's own university patrons are
 * synchronized, the look-alikes of demo B patrons are there; the online import's stand-in answers
 * people who joined since the file (R-SIS-2).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registration.embedded.university-people=400", "registration.load.folder=target/load-first-start"
        })
@WithMockUser(
        username = "admin",
        roles = {Roles.DESK_OPERATOR, Roles.USER_ADMINISTRATOR})
class UniversityFirstStartIT {

    @Autowired
    Loads loads;

    @Autowired
    OnlineImport online;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    LoadRun firstRun() throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            // Other tests' runs share the database: the first start's is the generated file's.
            var first = loads.runs(500).stream()
                    .filter(r -> r.fileName().startsWith(UniversityDemoLoad.PREFIX))
                    .findFirst();
            if (first.isPresent() && first.get().finished()) {
                return first.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The first start's load did not finish in a minute");
    }

    @Test
    void theFirstStartLoadsTheUniversityFile_andEveryGeneratedRowPassesTheRules() throws Exception {
        var run = firstRun();

        assertThat(run.status()).isEqualTo(LoadRun.Status.COMPLETED);
        assertThat(run.total()).isEqualTo(400);
        assertThat(run.counts().read()).isEqualTo(400);
        var rejected = loads.report(run.id(), 0, 50).stream()
                .filter(l -> l.outcome() == LoadReportLine.Outcome.REJECTED)
                .map(l -> l.primaryId() + ": " + Loads.reason(Locale.ENGLISH, l))
                .toList();
        assertThat(rejected).as("generated rows the rules refused").isEmpty();
        assertThat(run.counts().created()
                        + run.counts().updated()
                        + run.counts().duplicates())
                .isEqualTo(400);
        for (var kind : new String[] {"U", "S", "C"}) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from patron where kind = ? and synchronized_on is not null",
                            Long.class,
                            kind))
                    .as(kind)
                    .isPositive();
        }
        // The demo's own student is synchronized today; the demo B patrons' look-alike student is here.
        assertThat(jdbc.queryForObject(
                        "select synchronized_on from patron where primary_identifier = 'S201234'", LocalDate.class))
                .isEqualTo(LocalDate.now(clock));
        assertThat(jdbc.queryForObject(
                        "select count(*) from patron where primary_identifier = 'S192909' and last_name = 'Janssens'",
                        Long.class))
                .isEqualTo(1);
    }

    @Test
    void theOnlineImportBringsAPersonWhoJoinedSinceTheFile() throws Exception {
        firstRun();
        var day = UniversityDemoLoad.day(java.nio.file.Path.of("target/load-first-start"), LocalDate.now(clock));
        var out = new ByteArrayOutputStream();
        UniversityDemoLoad.generator(day).write(out, 400 + UniversityStandIn.JOINED_SINCE);
        var joined = lastPrimaryId(out.toByteArray());

        assertThat(online.available()).isTrue();
        var first = online.importPerson(joined);
        assertThat(first.outcome()).isEqualTo(OnlineImport.Outcome.CREATED);
        assertThat(first.identifier()).isEqualTo(joined);
        assertThat(online.importPerson(joined.toLowerCase(Locale.ROOT)).outcome())
                .isEqualTo(OnlineImport.Outcome.UNCHANGED);
        assertThat(online.importPerson("S0000000").outcome()).isEqualTo(OnlineImport.Outcome.NOT_FOUND);
        assertThat(online.importPerson("Robert'); DROP TABLE patron;--").outcome())
                .isEqualTo(OnlineImport.Outcome.NOT_AN_IDENTIFIER);
    }

    static String lastPrimaryId(byte[] xml) throws IOException {
        String last = null;
        try (var reader = AlmaUserReader.open(new ByteArrayInputStream(xml), "gen.xml", ReadLimits.DEFAULTS)) {
            for (var row = reader.next(); row.isPresent(); row = reader.next()) {
                if (row.get() instanceof ReadRow.Read read) {
                    last = read.user().primaryId();
                }
            }
        }
        return last;
    }
}
