package be.uliege.library.registration.security;

/** The staff roles, as names for {@code @RolesAllowed} and {@code hasRole} (R-DESK-1). */
public final class Roles {

    public static final String DESK_OPERATOR = "DESK_OPERATOR";
    public static final String DESK_MANAGER = "DESK_MANAGER";
    public static final String USER_ADMINISTRATOR = "USER_ADMINISTRATOR";

    private Roles() {}
}
