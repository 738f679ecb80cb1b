package be.uliege.library.registration.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * With the {@code prod} profile, refuses to start when an address or a secret is missing, or when
 * a secret is a demo value, and says which environment variable to set. Registered in
 * {@code META-INF/spring.factories}, so that it runs before anything tries to connect.
 */
public class ProductionSecretsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Values that must never protect a production system. */
    static final Set<String> DEMO_SECRETS = Set.of(
            "demo",
            "demo-operator",
            "demo-manager",
            "demo-admin",
            "demo-visitor",
            "demo-card-code-secret",
            "secret",
            "password",
            "changeit",
            "changeme",
            "admin",
            "root",
            "test",
            "mariadb",
            "ldap");

    static final String PUBLIC_BASE_URL_PROPERTY = "registration.mail.public-base-url";

    /** The setting, the environment variable behind it, and whether it is a secret. */
    record Required(String property, String variable, boolean secret) {}

    static final List<Required> REQUIRED = List.of(
            new Required("spring.datasource.url", "DB_URL", false),
            new Required("spring.datasource.username", "DB_USERNAME", false),
            new Required("spring.datasource.password", "DB_PASSWORD", true),
            new Required("registration.directory.url", "LDAP_URL", false),
            new Required("registration.directory.bind-dn", "LDAP_BIND_DN", false),
            new Required("registration.directory.bind-password", "LDAP_BIND_PASSWORD", true),
            new Required("spring.mail.host", "SMTP_HOST", false),
            new Required("registration.cards.code-secret", "CARD_CODE_SECRET", true),
            // Links in mails (R-PRE-4 confirmation, R-CARD-4 activation) would otherwise carry "${PUBLIC_BASE_URL}".
            new Required(PUBLIC_BASE_URL_PROPERTY, "PUBLIC_BASE_URL", false),
            // Every instance signs challenges and hashes the shared rate-limit keys under it.
            new Required("preregistration.challenge.secret", "PREREGISTRATION_CHALLENGE_SECRET", true));

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            var problems = problems(environment);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", problems));
            }
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        var problems = new ArrayList<String>();
        for (var required : REQUIRED) {
            var value = valueOf(environment, required.property());
            if (value == null || value.isBlank()) {
                problems.add(required.variable() + " is not set");
            } else if (required.secret() && DEMO_SECRETS.contains(value.strip().toLowerCase(Locale.ROOT))) {
                problems.add(required.variable() + " is a demo value: set a real secret");
            }
        }
        var publicBaseUrl = valueOf(environment, PUBLIC_BASE_URL_PROPERTY);
        if (publicBaseUrl != null && !publicBaseUrl.isBlank() && !isAbsoluteWebAddress(publicBaseUrl.strip())) {
            problems.add(
                    "PUBLIC_BASE_URL must be an absolute http(s) address such as https://inscription.lib.uliege.be");
        }
        var smtpPassword = environment.getProperty("spring.mail.password", "");
        if (!smtpPassword.isBlank()
                && DEMO_SECRETS.contains(smtpPassword.strip().toLowerCase(Locale.ROOT))) {
            problems.add("SMTP_PASSWORD is a demo value: set a real secret");
        }
        // Spring's "framework" strategy believes X-Forwarded-For from any client: anyone could claim
        // an address of the photo service's networks (R-CARD-6) or dodge the rate limits.
        if ("framework"
                .equalsIgnoreCase(environment
                        .getProperty("server.forward-headers-strategy", "")
                        .strip())) {
            problems.add("FORWARD_HEADERS_STRATEGY=framework believes any client's X-Forwarded-For: use native with "
                    + "TRUSTED_PROXIES");
        }
        if ("true".equals(environment.getProperty("registration.embedded.enabled"))) {
            problems.add("registration.embedded.enabled must be false in production");
        }
        return problems;
    }

    /** The value, or null when unset or when it is an unresolved placeholder such as {@code ${PUBLIC_BASE_URL}}. */
    private static @Nullable String valueOf(ConfigurableEnvironment environment, String property) {
        try {
            return environment.getProperty(property);
        } catch (IllegalArgumentException unresolved) {
            return null;
        }
    }

    /** {@code http(s)://host[:port][/path]}: what a link in a mail can start with (no query, no fragment, no user). */
    static boolean isAbsoluteWebAddress(String value) {
        try {
            var uri = new URI(value);
            return uri.isAbsolute()
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
