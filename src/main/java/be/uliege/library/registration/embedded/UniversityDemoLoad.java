package be.uliege.library.registration.embedded;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.load.LoadSettings;
import be.uliege.library.registration.load.Loads;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.PatronStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The embedded defaults' university (R-SIS-1): at the first start, a generated file of the
 * university's people (seeded, so the same people every time; three of them former students whom
 * the demo B patrons resemble) is dropped in the load folder and loaded as the night would, in the
 * background, so that a newcomer sees U, S and C patrons and a load in the history.
 */
@Component
@Order(2)
@ConditionalOnProperty(
        prefix = "registration.embedded",
        name = {"enabled", "demo-data"},
        havingValue = "true",
        matchIfMissing = true)
class UniversityDemoLoad implements ApplicationRunner {

    /** The generator's seed: the same people on every first start. */
    static final long SEED = 16;

    /** The generated file's name, before its day. */
    static final String PREFIX = "university-";

    /** Where the day the file was generated is kept, so that the online import's stand-in answers the same people. */
    static final String DAY_FILE = ".university-demo-day";

    private static final Logger log = LoggerFactory.getLogger(UniversityDemoLoad.class);

    private final EmbeddedSettings embedded;
    private final LoadSettings load;
    private final Loads loads;
    private final Clock clock;

    UniversityDemoLoad(EmbeddedSettings embedded, LoadSettings load, Loads loads, Clock clock) {
        this.embedded = embedded;
        this.load = load;
        this.loads = loads;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (embedded.universityPeople() <= 0 || SystemPrincipal.call(() -> loads.everLoaded(PREFIX))) {
            return;
        }
        var today = LocalDate.now(clock);
        Files.createDirectories(load.folder());
        Files.writeString(load.folder().resolve(DAY_FILE), today.toString());
        var file = load.folder().resolve(PREFIX + today + ".zip");
        generator(today).writeZip(file, embedded.universityPeople());
        // Synchronize, not import: the demo's own U, S and C patrons are in the file and are matched.
        long run = SystemPrincipal.call(() -> loads.loadInBackground(file, LoadInstructions.Mode.SYNCHRONIZE));
        log.info(
                "University file of {} people generated and loading in the background (run {}): see /loads",
                embedded.universityPeople(),
                run);
    }

    static UniversityFileGenerator generator(LocalDate day) {
        var fixed = new ArrayList<>(demoUniversityPeople(day));
        fixed.addAll(UniversityFileGenerator.demoLookalikes(day));
        return new UniversityFileGenerator(SEED, day).withFixedPeople(fixed);
    }

    /**
     * The demo's own active U, S and C patrons, as the university's file carries them: loaded, they
     * are synchronized like everyone else; the demo's expired staff member is not in the file and
     * shows as not synchronized (R-SIS-3).
     */
    static List<UniversityPerson> demoUniversityPeople(LocalDate day) {
        return DemoData.demos(day, day.minusMonths(3)).stream()
                .filter(d -> d.universityKey() != null && d.status() == PatronStatus.ACTIVE)
                .map(d -> new UniversityPerson(
                        UniversityPerson.Group.valueOf(d.identifier().substring(0, 1)),
                        d.identifier(),
                        d.first(),
                        null,
                        d.last(),
                        d.gender() == Gender.F ? "FEMALE" : "MALE",
                        d.birth(),
                        d.language() == Language.ENG ? "en" : "fr",
                        d.universityKey(),
                        null,
                        d.description(),
                        d.email(),
                        null,
                        d.phone(),
                        new UniversityPerson.Address(d.line1(), null, d.postalCode(), d.city(), "BEL")))
                .toList();
    }

    /** The day the demo file was generated, or today when there is none. */
    static LocalDate day(Path folder, LocalDate today) {
        try {
            return LocalDate.parse(Files.readString(folder.resolve(DAY_FILE)).strip());
        } catch (IOException | RuntimeException e) {
            return today;
        }
    }
}
