package be.uliege.library.registration.base;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting, read in one place (issue 14): the staff member signed in at the desk, or the
 * {@link SystemPrincipal} under which the scheduled jobs and the event listeners run. The public's
 * own requests (a pre-registration, an online activation) have neither.
 */
@Component
public class CurrentStaff {

    /** The name a change is recorded under when no staff member made it. */
    public static final String SYSTEM = SystemPrincipal.NAME;

    /**
     * The uid of the staff member who answers for a desk action, or {@link #SYSTEM} under the
     * system principal.
     *
     * @throws IllegalStateException when nobody is signed in: a desk action always has someone to answer for it
     */
    public String uid() {
        var authentication = authentication();
        if (authentication == null) {
            throw new IllegalStateException("No signed-in staff member");
        }
        return authentication.getName();
    }

    /**
     * Who a change is recorded under in the history (R-REC-6): the signed-in staff member, or
     * {@link #SYSTEM} for the jobs, the listeners and the public's own requests.
     */
    public String actor() {
        var authentication = authentication();
        return authentication == null ? SYSTEM : authentication.getName();
    }

    /** Whether a staff member (not the system) is signed in. */
    public boolean isSignedIn() {
        var authentication = authentication();
        return authentication != null && !SystemPrincipal.is(authentication);
    }

    /** Whether the one acting has the role (a name of {@code security.Roles}, or {@link SystemPrincipal#ROLE}). */
    public boolean hasRole(String role) {
        var authentication = authentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    /** The authentication of a staff member or of the system; null for nobody or the anonymous public. */
    private static @Nullable Authentication authentication() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication;
    }
}
