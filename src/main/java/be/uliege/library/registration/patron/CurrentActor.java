package be.uliege.library.registration.patron;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making a change, for the history: the signed-in staff member, or the system. */
final class CurrentActor {

    static final String SYSTEM = "system";

    private CurrentActor() {}

    static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getName())) {
            return SYSTEM;
        }
        return authentication.getName();
    }

    /** Whether the signed-in staff member has the role (a name of {@code Roles}). */
    static boolean hasRole(String role) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
