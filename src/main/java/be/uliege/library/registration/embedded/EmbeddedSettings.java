package be.uliege.library.registration.embedded;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded defaults.
 *
 * @param enabled  start the embedded servers (off in the {@code prod} profile)
 * @param dataDir  where MariaDB keeps its data between runs; {@code temporary} for a throw-away
 *                 database deleted at exit (the tests)
 * @param demoData load the demo patrons into an empty database
 * @param universityPeople how many people the generated university file holds, loaded at the first
 *                 start (R-SIS-1); 0 for none (most tests)
 */
@ConfigurationProperties("registration.embedded")
public record EmbeddedSettings(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("${user.home}/.patron-registration/mariadb")
        String dataDir,

        @DefaultValue("true") boolean demoData,

        @DefaultValue("3000") int universityPeople) {

    static final String TEMPORARY = "temporary";

    @Nullable
    Path persistentDataDir() {
        return TEMPORARY.equals(dataDir) ? null : Path.of(dataDir).toAbsolutePath();
    }
}
