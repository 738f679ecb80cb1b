package be.uliege.library.registration.base.api;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link ApiFilter} for requests and the {@code /error} dispatch, ahead of Spring Security. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** Before Spring Security's filters (-100) and any other filter of the application. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    FilterRegistrationBean<ApiFilter> apiFilter(ApiProblems problems, ApiSettings settings) {
        var registration = new FilterRegistrationBean<>(new ApiFilter(problems, settings));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
