package be.uliege.library.registration.embedded;

import be.uliege.library.registration.directory.DirectorySettings;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded servers before the application context is built and points the
 * application's ordinary configuration (data source, directory, mail) at them, so that the
 * embedded defaults and production run the very same code. Registered in
 * {@code META-INF/spring.factories}.
 */
public class EmbeddedServicesStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String PROPERTY_SOURCE = "embeddedServers";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        var binder = Binder.get(environment);
        var settings = binder.bindOrCreate("registration.embedded", Bindable.of(EmbeddedSettings.class));
        if (!settings.enabled() || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        var directory = binder.bindOrCreate("registration.directory", Bindable.of(DirectorySettings.class));
        var servers = EmbeddedServers.start(settings, directory);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE, servers.connectionProperties()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
    }
}
