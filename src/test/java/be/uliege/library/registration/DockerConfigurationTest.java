package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker cannot run here, so its files are kept true by reading them: the compose file sets what
 * the prod profile needs and nothing it does not read, the README documents each variable, and the
 * compose file is a deployment an operator can use (health checks, start order, restarts, volumes,
 * memory, the directory's service account, TLS in front, nothing else published).
 */
class DockerConfigurationTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)(:[^}]*)?}");

    static Map<String, Object> compose;
    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    static Map<String, Object> appEnvironment() {
        return map(service("app").get("environment"));
    }

    @Test
    void composeSetsExactlyWhatTheProdProfileReads_andTheReadmeListsIt() throws IOException {
        var prod = Files.readString(Path.of("src/main/resources/application-prod.properties"));
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
        // Settings with a default for every profile (DB_POOL_SIZE, PORT) are read by application.properties.
        var defaults = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (defaults.find()) {
            read.add(defaults.group(1));
        }
        var set = new TreeSet<>(appEnvironment().keySet());
        set.removeAll(List.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS"));

        assertThat(set).containsAll(required);
        assertThat(read).containsAll(set);
        for (var variable : read) {
            assertThat(readme).as("README documents " + variable).contains("`" + variable + "`");
        }
        assertThat(required)
                .contains("DB_URL", "DB_PASSWORD", "LDAP_URL", "LDAP_BIND_PASSWORD", "SMTP_HOST", "PUBLIC_BASE_URL");
    }

    /** A required variable left empty in .env must stop compose, not start the application with a default. */
    @Test
    void requiredVariablesHaveNoDefaultInCompose() throws IOException {
        var text = Files.readString(Path.of("docker/compose.yaml"));
        for (var variable : List.of(
                "DB_USERNAME",
                "DB_PASSWORD",
                "LDAP_BIND_PASSWORD",
                "LDAP_ADMIN_PASSWORD",
                "SMTP_HOST",
                "PUBLIC_BASE_URL",
                "CARD_CODE_SECRET",
                "PREREGISTRATION_CHALLENGE_SECRET")) {
            assertThat(text)
                    .as(variable)
                    .contains("${" + variable + ":?")
                    .doesNotContain("${" + variable + ":-")
                    .doesNotContain("${" + variable + "}");
        }
        assertThat(text).doesNotContain(":latest");
    }

    @Test
    void everyServiceHasAHealthCheckARestartPolicyAndAMemoryLimit() {
        assertThat(services).containsKeys("db", "ldap", "app", "proxy");
        services.forEach((name, definition) -> {
            var service = map(definition);
            assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped");
            assertThat(service).as(name).containsKey("mem_limit");
            var test = list(map(service.get("healthcheck")).get("test"));
            assertThat(test).as(name).isNotEmpty().first().isEqualTo("CMD");
        });
        assertThat(list(map(service("db").get("healthcheck")).get("test")))
                .containsExactly("CMD", "healthcheck.sh", "--connect", "--innodb_initialized");
        assertThat(list(map(service("ldap").get("healthcheck")).get("test"))).contains("ldapsearch");
        // eclipse-temurin's JRE image has bash but neither curl nor wget for sure: bash's /dev/tcp.
        var appCheck = String.join(
                " ",
                list(map(service("app").get("healthcheck")).get("test")).stream()
                        .map(String::valueOf)
                        .toList());
        assertThat(appCheck)
                .startsWith("CMD bash -c")
                .contains("/dev/tcp/127.0.0.1/8080")
                .contains("GET /actuator/health/readiness")
                .doesNotContain("curl")
                .doesNotContain("wget");
    }

    @Test
    void theReadinessProbeTheHealthCheckCallsIsOnInProd() throws IOException {
        var prod = new Properties();
        prod.load(new StringReader(Files.readString(Path.of("src/main/resources/application-prod.properties"))));
        assertThat(prod.getProperty("management.endpoint.health.probes.enabled"))
                .isEqualTo("true");
        assertThat(prod.getProperty("spring.flyway.connect-retries")).isNotBlank();
    }

    @Test
    void servicesStartInOrderOnceWhatTheyNeedIsHealthy() {
        var appNeeds = map(service("app").get("depends_on"));
        assertThat(appNeeds).containsOnlyKeys("db", "ldap");
        appNeeds.values().forEach(c -> assertThat(map(c).get("condition")).isEqualTo("service_healthy"));
        var proxyNeeds = map(service("proxy").get("depends_on"));
        assertThat(map(proxyNeeds.get("app")).get("condition")).isEqualTo("service_healthy");
    }

    @Test
    void theDatabaseAndTheDirectoryKeepTheirDataInVolumes() {
        var volumes = map(compose.get("volumes"));
        assertThat(list(service("db").get("volumes"))).contains("db-data:/var/lib/mysql");
        assertThat(list(service("ldap").get("volumes"))).contains("ldap-data:/var/lib/ldap");
        assertThat(volumes).containsKeys("db-data", "ldap-data");
    }

    @Test
    void onlyTheTlsProxyIsPublishedAndTheApplicationBelievesOnlyIt() throws IOException {
        services.forEach((name, definition) -> {
            if (!name.equals("proxy")) {
                assertThat(map(definition)).as(name + " publishes no port").doesNotContainKey("ports");
            }
        });
        assertThat(list(service("proxy").get("ports"))).containsExactlyInAnyOrder("443:443", "80:80");
        var caddyfile = Files.readString(Path.of("docker/caddy/Caddyfile"));
        assertThat(caddyfile)
                .contains("{$PUBLIC_BASE_URL} {")
                .contains("reverse_proxy app:8080")
                .contains("header_up X-Forwarded-Proto {scheme}");
        assertThat(list(service("proxy").get("volumes"))).contains("./caddy/Caddyfile:/etc/caddy/Caddyfile:ro");

        var proxyAddress = String.valueOf(
                map(map(service("proxy").get("networks")).get("front")).get("ipv4_address"));
        var env = appEnvironment();
        assertThat(env.get("FORWARD_HEADERS_STRATEGY")).isEqualTo("native");
        var trusted = Pattern.compile(String.valueOf(env.get("TRUSTED_PROXIES")));
        assertThat(trusted.matcher(proxyAddress).matches()).as(proxyAddress).isTrue();
        assertThat(trusted.matcher("172.30.0.11").matches()).isFalse();
        assertThat(trusted.matcher("172x30x0x10").matches())
                .as("dots are escaped")
                .isFalse();
    }

    /** Mailpit's web UI has no authentication: only for demonstrations, and never published. */
    @Test
    void theMailCatcherIsADemonstrationExtraWithoutAPublishedUi() {
        if (services.containsKey("mail")) {
            assertThat(list(service("mail").get("profiles"))).containsExactly("demo");
            assertThat(service("mail")).doesNotContainKey("ports");
            assertThat(map(service("app").get("depends_on"))).doesNotContainKey("mail");
        }
    }

    @Test
    void theApplicationBindsAsItsServiceAccountWhichTheBootstrapCreates() throws IOException {
        var bindDn = String.valueOf(appEnvironment().get("LDAP_BIND_DN"));
        assertThat(bindDn).startsWith("cn=patron-registration,").doesNotContainIgnoringCase("admin");
        var ldif = Files.readString(Path.of("docker/ldap/bootstrap.ldif"));
        var acl = Files.readString(Path.of("docker/ldap/access.conf"));
        var slapdConf = Files.readString(Path.of("docker/ldap/slapd.conf"));
        assertThat(ldif).contains("dn: cn=patron-registration,@BASE_DN@");
        assertThat(acl).contains("dn.exact=\"cn=patron-registration,@BASE_DN@\" write");
        assertThat(slapdConf).contains("rootdn \"cn=admin,@BASE_DN@\"").contains("include @CONF_DIR@/access.conf");
        var ldapEnv = map(service("ldap").get("environment"));
        assertThat(String.valueOf(ldapEnv.get("LDAP_SERVICE_PASSWORD"))).contains("LDAP_BIND_PASSWORD");
        assertThat(String.valueOf(ldapEnv.get("LDAP_ADMIN_PASSWORD"))).doesNotContain("LDAP_BIND_PASSWORD");
    }

    @Test
    void theJvmSizesItsHeapFromTheContainersMemory() throws IOException {
        assertThat(String.valueOf(appEnvironment().get("JAVA_TOOL_OPTIONS"))).contains("-XX:MaxRAMPercentage=");
        assertThat(Files.readString(Path.of("docker/Dockerfile"))).contains("-XX:MaxRAMPercentage=");
    }

    /** The build context is the repository root: what the build needs goes in, the rest stays out. */
    @Test
    void theBuildContextLeavesOutBuildOutputHistoryAndSecrets() throws IOException {
        var rules = new ArrayList<String>();
        for (var line : Files.readAllLines(Path.of(".dockerignore"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rules.add(line.strip());
            }
        }
        assertThat(rules).contains(".git", "**/target", ".env", "**/.env");
        assertThat(rules).doesNotContain("src", "pom.xml", "mvnw", ".mvn", "frontend", "i18n", "docker", "*");
    }
}
