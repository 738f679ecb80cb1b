package be.uliege.library.registration.directory;

import com.unboundid.ldap.sdk.LDAPException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports the directory in {@code /actuator/health}: up when the base DN can be read. */
@Component("directory")
class DirectoryHealthIndicator implements HealthIndicator {

    private final DirectoryConnections connections;
    private final DirectorySettings settings;

    DirectoryHealthIndicator(DirectoryConnections connections, DirectorySettings settings) {
        this.connections = connections;
        this.settings = settings;
    }

    @Override
    public Health health() {
        try {
            var base = connections.pool().getEntry(settings.baseDn(), "1.1");
            return base != null
                    ? Health.up().withDetail("baseDn", settings.baseDn()).build()
                    : Health.down().withDetail("reason", "base DN not found").build();
        } catch (LDAPException e) {
            return Health.down()
                    .withDetail("reason", e.getResultCode().getName())
                    .build();
        }
    }
}
