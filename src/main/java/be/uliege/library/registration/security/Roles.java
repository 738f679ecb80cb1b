package be.uliege.library.registration.security;

import be.uliege.library.registration.base.SystemPrincipal;

/** The staff roles, as names for {@code @RolesAllowed} and {@code hasRole} (R-DESK-1). */
public final class Roles {

    public static final String DESK_OPERATOR = "DESK_OPERATOR";
    public static final String DESK_MANAGER = "DESK_MANAGER";
    public static final String USER_ADMINISTRATOR = "USER_ADMINISTRATOR";

    /**
     * The system's own role ({@link SystemPrincipal}): the jobs and listeners, never a person. No
     * directory group maps to it.
     */
    public static final String SYSTEM = SystemPrincipal.ROLE;

    /** For services a staff member or the system may call: {@code hasAnyRole(…)} of both. */
    public static final String STAFF_OR_SYSTEM = "hasAnyRole('" + DESK_OPERATOR + "', '" + SYSTEM + "')";

    private Roles() {}
}
