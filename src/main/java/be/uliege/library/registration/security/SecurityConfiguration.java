package be.uliege.library.registration.security;

import be.uliege.library.registration.base.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Desk views need a signed-in staff member with the role each names; the health endpoint is open
 * (it shows details only to staff), everything else of the actuator is closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The public API (R-PRE, R-CARD-5), its description and the photo service for other library
     * systems (R-CARD-6): anonymous and stateless, so a request never creates a session nor needs a
     * CSRF token, and passes through as few filters as possible; their own guards (challenge, rate
     * limits, the photo service's allowed clients) are in their features. Ordered before the
     * Vaadin chain, which would otherwise send these requests to the login page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicApiFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/photos/**");
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/api/v1/**", "/v3/api-docs", "/v3/api-docs/**", "/photos/**").permitAll()
                .anyRequest().denyAll());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.securityContext(context -> context.requireExplicitSave(true));
        http.logout(logout -> logout.disable());
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * A request the firewall refuses (an encoded dot or percent, a line break, a semicolon, a path not
     * normalised) under {@code /photos} gets the photo service's empty 404 (R-CARD-6): other library
     * systems never see the staff login page. Elsewhere, as Spring Security does by default: the
     * rejection is counted, then answered 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectProvider<ObservationRegistry> observations) {
        var usual = new CompositeRequestRejectedHandler(
                new ObservationMarkingRequestRejectedHandler(observations.getIfAvailable(() -> ObservationRegistry.NOOP)),
                new HttpStatusRequestRejectedHandler());
        return (request, response, rejected) -> {
            var path = request.getRequestURI().substring(Math.min(request.getContextPath().length(),
                    request.getRequestURI().length()));
            if (path.equals("/photos") || path.startsWith("/photos/") || path.startsWith("/photos;")) {
                response.setStatus(404);
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setContentLength(0);
            } else {
                usual.handle(request, response, rejected);
            }
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, StaffAuthenticationProvider provider) throws Exception {
        http.authenticationProvider(provider);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/app/**").permitAll()
                .requestMatchers("/actuator/**").hasRole(Roles.USER_ADMINISTRATOR));
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }
}
