package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Docker cannot run here, so its files are kept true by comparing them with the prod profile:
 * every variable the prod profile needs is set by the compose file, every one the compose file
 * sets is read by the prod profile, and the README documents each of them.
 */
class DockerConfigurationTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)(:[^}]*)?}");
    private static final Pattern COMPOSE_KEY = Pattern.compile("^\\s{6}([A-Z_]+):", Pattern.MULTILINE);

    @Test
    void composeSetsExactlyWhatTheProdProfileReads_andTheReadmeListsIt() throws IOException {
        var prod = Files.readString(Path.of("src/main/resources/application-prod.properties"));
        var compose = Files.readString(Path.of("docker/compose.yaml"));
        var readme = Files.readString(Path.of("README.md"));

        var required = new TreeSet<String>();
        var read = new TreeSet<String>();
        var m = PLACEHOLDER.matcher(prod);
        while (m.find()) {
            read.add(m.group(1));
            if (m.group(2) == null) {
                required.add(m.group(1));
            }
        }
        var appSection = compose.substring(compose.indexOf("  app:"));
        var set = new TreeSet<String>();
        var k = COMPOSE_KEY.matcher(appSection);
        while (k.find()) {
            set.add(k.group(1));
        }
        set.remove("SPRING_PROFILES_ACTIVE");

        assertThat(set).containsAll(required);
        assertThat(read).containsAll(set);
        for (var variable : read) {
            assertThat(readme).as("README documents " + variable).contains("`" + variable + "`");
        }
        assertThat(Set.copyOf(required)).contains("DB_URL", "DB_PASSWORD", "LDAP_URL", "LDAP_BIND_PASSWORD", "SMTP_HOST");
    }
}
