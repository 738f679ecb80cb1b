package be.uliege.library.registration.embedded;

import be.uliege.library.registration.directory.DirectorySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Beans of the embedded defaults: the running servers (for the development mail page) and the
 * console message that tells a newcomer where everything is and how to sign in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "registration.embedded", name = "enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedConfiguration.class);

    @Bean
    EmbeddedServers embeddedServers() {
        var servers = EmbeddedServers.running();
        if (servers == null) {
            throw new IllegalStateException("The embedded servers were not started");
        }
        return servers;
    }

    @EventListener
    void announce(ApplicationReadyEvent event) {
        var environment = event.getApplicationContext().getEnvironment();
        var servers = embeddedServers();
        var directory = event.getApplicationContext().getBean(DirectorySettings.class);
        log.info(banner(environment, servers, directory));
    }

    static String banner(Environment environment, EmbeddedServers servers, DirectorySettings directory) {
        var port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        var text = new StringBuilder("\n\n  ULiège Library · patron registration, on its embedded defaults\n");
        text.append("  Desk (sign in):        http://localhost:").append(port).append("/\n");
        text.append("  Health:                http://localhost:").append(port).append("/actuator/health\n");
        text.append("  Mails sent (dev page): http://localhost:").append(port).append("/dev/mail\n");
        text.append("  MariaDB:               ")
                .append(servers.jdbcUrl())
                .append("  (data in ")
                .append(servers.dataDir() == null ? "a temporary folder" : servers.dataDir())
                .append(")\n");
        text.append("  Directory (LDAP):      ldap://127.0.0.1:")
                .append(servers.directoryPort())
                .append("  base ")
                .append(directory.baseDn())
                .append("\n");
        text.append("  Mail (SMTP / IMAP):    127.0.0.1:")
                .append(servers.smtpPort())
                .append(" / 127.0.0.1:")
                .append(servers.imapPort())
                .append("\n");
        text.append("  Demo staff logins (uid / password):\n");
        for (var staff : EmbeddedDirectory.demoStaff(directory)) {
            text.append("    ")
                    .append(String.format("%-9s / %-14s", staff.uid(), staff.password()))
                    .append(staff.roles().isEmpty() ? " no desk role (sign-in refused)" : " " + staff.roles())
                    .append("\n");
        }
        return text.toString();
    }
}
