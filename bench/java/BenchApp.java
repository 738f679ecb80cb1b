import be.uliege.library.registration.Application;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application for a benchmark: embedded servers with a throw-away database, no demo
 * data, a free port, quiet logs. Settings are system properties, which outrank the application's
 * own configuration files.
 */
final class BenchApp {

    private BenchApp() {}

    static ConfigurableApplicationContext start(Map<String, String> extra) {
        System.setProperty("registration.embedded.data-dir", "temporary");
        System.setProperty("registration.embedded.demo-data", "false");
        System.setProperty("server.port", "0");
        System.setProperty("logging.level.root", "WARN");
        extra.forEach(System::setProperty);
        return new SpringApplicationBuilder(Application.class).run();
    }
}
