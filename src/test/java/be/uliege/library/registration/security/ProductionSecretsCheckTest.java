package be.uliege.library.registration.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
        assertThat(problems).contains("DB_URL is not set", "DB_PASSWORD is not set", "LDAP_URL is not set",
                "LDAP_BIND_PASSWORD is not set", "SMTP_HOST is not set", "CARD_CODE_SECRET is not set");
    }

    @Test
    @DisplayName("prod: several instances need one challenge key, so PREREGISTRATION_CHALLENGE_SECRET is required")
    void theChallengeSecretIsRequired() {
        var properties = new java.util.HashMap<String, Object>(COMPLETE);
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
        var properties = new java.util.HashMap<String, Object>(COMPLETE);
        properties.put("spring.datasource.password", "demo");
        properties.put("registration.directory.bind-password", "Demo-Admin");
        properties.put("registration.embedded.enabled", "true");
        properties.put("registration.cards.code-secret", "demo-card-code-secret");
        properties.put("server.forward-headers-strategy", "FRAMEWORK");
        assertThat(ProductionSecretsCheck.problems(environment(properties))).containsExactlyInAnyOrder(
                "DB_PASSWORD is a demo value: set a real secret",
                "LDAP_BIND_PASSWORD is a demo value: set a real secret",
                "CARD_CODE_SECRET is a demo value: set a real secret",
                "FORWARD_HEADERS_STRATEGY=framework believes any client's X-Forwarded-For: use native with TRUSTED_PROXIES",
                "registration.embedded.enabled must be false in production");
    }
}
