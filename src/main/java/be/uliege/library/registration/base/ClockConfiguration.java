package be.uliege.library.registration.base;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application, in the library's time zone; tests replace it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId LIBRARY_ZONE = ZoneId.of("Europe/Brussels");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(LIBRARY_ZONE);
    }
}
