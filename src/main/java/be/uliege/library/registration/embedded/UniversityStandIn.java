package be.uliege.library.registration.embedded;

import be.uliege.library.registration.load.LoadSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The university's online-import endpoint, stood in for on the embedded defaults (R-SIS-2): answers
 * one person's user XML by primary identifier or P key, {@code 404} for anyone else. It knows the
 * people of the generated university file and fifty more, who "joined since the last file" — the
 * 48 hours a desk operator does not want to wait. The real endpoint must answer the same: {@code 200}
 * with a {@code <users>} document of one {@code <user>} (Alma's user XML), or {@code 404}.
 */
@RestController
@ConditionalOnProperty(prefix = "registration.embedded", name = "enabled", havingValue = "true", matchIfMissing = true)
class UniversityStandIn {

    /** People known to the stand-in beyond the file's. */
    static final int JOINED_SINCE = 50;

    private final EmbeddedSettings embedded;
    private final LoadSettings load;
    private final Clock clock;

    UniversityStandIn(EmbeddedSettings embedded, LoadSettings load, Clock clock) {
        this.embedded = embedded;
        this.load = load;
        this.clock = clock;
    }

    @GetMapping(value = "/dev/university/users/{id}", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<byte[]> user(@PathVariable String id) throws IOException {
        if (!id.matches("[A-Za-z0-9]{1,32}")) {
            return ResponseEntity.notFound().build();
        }
        var day = UniversityDemoLoad.day(load.folder(), LocalDate.now(clock));
        int people = Math.max(embedded.universityPeople(), 0) + JOINED_SINCE;
        return UniversityDemoLoad.generator(day)
                .onePerson(people, id)
                .map(xml -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_XML)
                        .body(xml))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The stand-in is the university's, not the application's: no sign-in, no session, no CSRF. */
    @Bean
    @Order(0)
    SecurityFilterChain universityStandInFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/dev/university/**");
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        return http.build();
    }
}
