package be.uliege.library.registration.security;

import be.uliege.library.registration.base.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

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
        // Every address of the chain is public: one that no controller serves is then an honest
        // 404 problem (base.api), not a 403 that would hint at something behind it.
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.securityContext(context -> context.requireExplicitSave(true));
        http.logout(logout -> logout.disable());
        http.headers(headers -> headers.referrerPolicy(
                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
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
                new ObservationMarkingRequestRejectedHandler(
                        observations.getIfAvailable(() -> ObservationRegistry.NOOP)),
                new HttpStatusRequestRejectedHandler());
        return (request, response, rejected) -> {
            var path = request.getRequestURI()
                    .substring(Math.min(
                            request.getContextPath().length(),
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

    /**
     * What the pages may load and do (R-DESK-1). Vaadin's client engine needs inline and evaluated
     * scripts and inline styles (see Vaadin's "Content Security Policy" page); everything else comes
     * from this server only. The card screen's camera preview is a media stream, its still a
     * {@code data:} image.
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' blob: mediastream:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * The camera for this site's own pages (the card screen); every other powerful feature for
     * nobody. Only features Chromium knows: an unknown one is a console error on every page.
     */
    static final String PERMISSIONS_POLICY = String.join(
            ", ",
            "camera=(self)",
            "microphone=()",
            "geolocation=()",
            "display-capture=()",
            "fullscreen=()",
            "payment=()",
            "usb=()",
            "serial=()",
            "hid=()",
            "midi=()",
            "accelerometer=()",
            "gyroscope=()",
            "magnetometer=()",
            "screen-wake-lock=()",
            "idle-detection=()",
            "publickey-credentials-get=()",
            "xr-spatial-tracking=()",
            "clipboard-read=()",
            "browsing-topics=()");

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, StaffAuthenticationProvider provider, RequestUtil vaadinRequests) throws Exception {
        // This provider alone, without a parent manager that would ask it a second time after a
        // failure (each failure would then count twice against the sign-in throttle).
        http.authenticationManager(new ProviderManager(provider));
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/app/**")
                .permitAll()
                .requestMatchers("/actuator/**")
                .hasRole(Roles.USER_ADMINISTRATOR));
        // Login CSRF: Vaadin's own CSRF set-up also exempts POST /login; here only Vaadin's internal
        // requests (which carry Vaadin's own token) are exempt, so the login form must send the
        // token of its page (Vaadin's login form takes it from the page's meta tags).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // Written before the page, not when it is committed: Vaadin writes its pages past Spring
        // Security's response wrapper, which then never added these headers (only Vaadin's own
        // X-Frame-Options reached the browser).
        http.headers(headers -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        }));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .httpStrictTransportSecurity(hsts ->
                        hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds()).includeSubDomains(true))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        // The same login page as Vaadin's below (named here too, or Spring would generate its own),
        // with a failure handler that Vaadin then keeps instead of ?error.
        http.formLogin(form -> form.loginPage("/login").failureHandler(new SignInFailureHandler()));
        return http.with(
                        VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false))
                .build();
    }
}
