package be.uliege.library.registration.base;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The principal the system acts under (issue 14): the scheduled jobs, the event listeners after a
 * commit, the nightly load and the embedded defaults' demo data. Its role, {@link #ROLE},
 * opens the services that only the system may call (creating a record with a known identifier,
 * deleting a pre-registration that expired); no sign-in can ever obtain it, since the staff roles
 * come from the directory's groups only ({@code security.StaffAuthenticationProvider}).
 *
 * <p>Jobs and listeners get it without asking ({@code SystemTasks}); other code runs a piece of work
 * under it with {@link #run} or {@link #call}.
 */
public final class SystemPrincipal {

    /** The name the system's changes are recorded under. */
    public static final String NAME = "system";

    /** The system's role, for {@code hasRole}: no directory group maps to it. */
    public static final String ROLE = "SYSTEM";

    private static final String AUTHORITY = "ROLE_" + ROLE;

    private SystemPrincipal() {}

    /** Runs the work as the system, then restores whoever was acting before. */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Computes under the system principal, then restores whoever was acting before. */
    public static <T> T call(Supplier<T> work) {
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context());
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** Whether the authentication is the system's. */
    static boolean is(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }

    /** A new security context holding the system principal. */
    static SecurityContext context() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication());
        return context;
    }

    private static Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(
                NAME, null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }
}
