package be.uliege.library.registration.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionSecretsCheckTest {

    static StandardEnvironment environment(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    static final Map<String, Object> COMPLETE = Map.ofEntries(
            Map.entry("spring.datasource.url", "jdbc:mariadb://db:3306/patrons"),
            Map.entry("spring.datasource.username", "patrons"),
            Map.entry("spring.datasource.password", "S3cure-and-long"),
            Map.entry("registration.directory.url", "ldaps://ldap.uliege.be:636"),
            Map.entry("registration.directory.bind-dn", "cn=registration,ou=services,dc=uliege,dc=be"),
            Map.entry("registration.directory.bind-password", "An0ther-secret"),
            Map.entry("spring.mail.host", "smtp.uliege.be"),
            Map.entry("registration.cards.code-secret", "a-long-random-card-code-key"),
            Map.entry("registration.mail.public-base-url", "https://inscription.lib.uliege.be"),
            Map.entry("preregistration.challenge.secret", "a-long-random-challenge-key"),
            Map.entry("registration.embedded.enabled", "false"),
            Map.entry("server.forward-headers-strategy", "native"));

    @Test
    @DisplayName("prod: a complete configuration with real secrets starts")
    void completeConfigurationPasses() {
        assertThat(ProductionSecretsCheck.problems(environment(COMPLETE))).isEmpty();
    }

    @Test
    @DisplayName("prod: each missing setting is named by its environment variable")
    void missingSettingsAreNamed() {
        var problems = ProductionSecretsCheck.problems(environment(Map.of()));
        assertThat(problems)
                .contains(
                        "DB_URL is not set",
                        "DB_PASSWORD is not set",
                        "LDAP_URL is not set",
                        "LDAP_BIND_PASSWORD is not set",
                        "SMTP_HOST is not set",
                        "CARD_CODE_SECRET is not set",
                        "PUBLIC_BASE_URL is not set");
    }

    @Test
    @DisplayName(
            "prod: PUBLIC_BASE_URL left as the prod profile's bare placeholder is named, not mailed as ${PUBLIC_BASE_URL}")
    void anUnresolvedPublicBaseUrlIsRefused() {
        var properties = new HashMap<String, Object>(COMPLETE);
        properties.put("registration.mail.public-base-url", "${PUBLIC_BASE_URL}");
        assertThat(ProductionSecretsCheck.problems(environment(properties)))
                .containsExactly("PUBLIC_BASE_URL is not set");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "inscription.lib.uliege.be",
                "/inscription",
                "ftp://inscription.lib.uliege.be",
                "https://",
                "https:///path",
                "https://inscription.lib.uliege.be/?a=b",
                "https://x.be/#top",
                "https://user:pw@inscription.lib.uliege.be",
                "https://inscription lib.be",
                "javascript:alert(1)"
            })
    @DisplayName("prod: a PUBLIC_BASE_URL that is not an absolute http(s) address is refused, naming the variable")
    void aMalformedPublicBaseUrlIsRefused(String value) {
        var properties = new HashMap<String, Object>(COMPLETE);
        properties.put("registration.mail.public-base-url", value);
        assertThat(ProductionSecretsCheck.problems(environment(properties)))
                .containsExactly(
                        "PUBLIC_BASE_URL must be an absolute http(s) address such as https://inscription.lib.uliege.be");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://inscription.lib.uliege.be",
                "https://inscription.lib.uliege.be/",
                "https://www.lib.uliege.be/inscription",
                "http://10.0.3.7:8080",
                "HTTPS://Inscription.Lib.Uliege.Be"
            })
    @DisplayName("prod: absolute http(s) addresses, with a port or a path, are accepted as PUBLIC_BASE_URL")
    void wellFormedPublicBaseUrlsPass(String value) {
        var properties = new HashMap<String, Object>(COMPLETE);
        properties.put("registration.mail.public-base-url", value);
        assertThat(ProductionSecretsCheck.problems(environment(properties))).isEmpty();
    }

    /** The README's production table is the operator's contract: each variable it marks "yes" stops the start. */
    @Test
    @DisplayName("prod: every variable the README marks required is enforced")
    void everyVariableTheReadmeCallsRequiredIsEnforced() throws IOException {
        var required = new TreeSet<String>();
        var row = Pattern.compile("^\\|(.*)\\|[^|]*\\|\\s*(yes|host: yes)\\s*\\|\\s*$", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            var variables = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(row.group(1));
            while (variables.find()) {
                required.add(variables.group(1));
            }
        }
        // "host: yes": of SMTP_HOST and SMTP_PORT only the host is required.
        required.remove("SMTP_PORT");
        assertThat(required).contains("DB_URL", "PUBLIC_BASE_URL", "CARD_CODE_SECRET");
        var enforced = ProductionSecretsCheck.REQUIRED.stream()
                .map(ProductionSecretsCheck.Required::variable)
                .toList();
        assertThat(enforced).containsAll(required);
        var problems = ProductionSecretsCheck.problems(environment(Map.of()));
        for (var variable : required) {
            assertThat(problems).as(variable).contains(variable + " is not set");
        }
    }

    @Test
    @DisplayName("prod: several instances need one challenge key, so PREREGISTRATION_CHALLENGE_SECRET is required")
    void theChallengeSecretIsRequired() {
        var properties = new HashMap<String, Object>(COMPLETE);
        properties.remove("preregistration.challenge.secret");
        assertThat(ProductionSecretsCheck.problems(environment(properties)))
                .containsExactly("PREREGISTRATION_CHALLENGE_SECRET is not set");
        properties.put("preregistration.challenge.secret", "changeme");
        assertThat(ProductionSecretsCheck.problems(environment(properties)))
                .containsExactly("PREREGISTRATION_CHALLENGE_SECRET is a demo value: set a real secret");
    }

    @Test
    @DisplayName("prod: demo secrets and the embedded defaults are refused")
    void demoSecretsAreRefused() {
        var properties = new HashMap<String, Object>(COMPLETE);
        properties.put("spring.datasource.password", "demo");
        properties.put("registration.directory.bind-password", "Demo-Admin");
        properties.put("registration.embedded.enabled", "true");
        properties.put("registration.cards.code-secret", "demo-card-code-secret");
        properties.put("server.forward-headers-strategy", "FRAMEWORK");
        assertThat(ProductionSecretsCheck.problems(environment(properties)))
                .containsExactlyInAnyOrder(
                        "DB_PASSWORD is a demo value: set a real secret",
                        "LDAP_BIND_PASSWORD is a demo value: set a real secret",
                        "CARD_CODE_SECRET is a demo value: set a real secret",
                        "FORWARD_HEADERS_STRATEGY=framework believes any client's X-Forwarded-For: use native with TRUSTED_PROXIES",
                        "registration.embedded.enabled must be false in production");
    }
}
