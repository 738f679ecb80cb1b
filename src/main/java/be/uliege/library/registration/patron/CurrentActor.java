package be.uliege.library.registration.patron;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making a change, for the history: the signed-in staff member, or the system. */
final class CurrentActor {

    static final String SYSTEM = "system";

    private CurrentActor() {}

    static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getName())) {
            return SYSTEM;
        }
        return authentication.getName();
    }
}
