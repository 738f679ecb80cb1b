package be.uliege.library.registration.security;

import be.uliege.library.registration.directory.DirectorySettings;
import be.uliege.library.registration.directory.StaffDirectory;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a staff member's university credentials against the directory and turns their directory
 * groups into roles; a higher role brings the lower ones. Someone in none of the groups may not
 * sign in. Too many failures for a uid or from an address are throttled ({@link SignInThrottle})
 * before the directory is asked. Logs the uid of failed attempts, never the password.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(StaffAuthenticationProvider.class);

    private final StaffDirectory directory;
    private final DirectorySettings settings;
    private final SignInThrottle throttle;

    StaffAuthenticationProvider(StaffDirectory directory, DirectorySettings settings, SignInThrottle throttle) {
        this.directory = directory;
        this.settings = settings;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var uid = String.valueOf(authentication.getName()).strip();
        var password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        // Throttled before the directory is asked: a refused attempt never reaches it.
        var attempt = throttle.begin(uid, clientAddress(authentication));
        StaffDirectory.StaffAccount account;
        try {
            account = directory
                    .authenticate(uid, password)
                    .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        } catch (StaffDirectory.DirectoryUnavailableException e) {
            throttle.abandoned(attempt);
            throw new AuthenticationServiceException("The directory cannot be reached", e);
        } catch (BadCredentialsException e) {
            log.info("Staff sign-in refused for uid '{}'", LogSafe.token(uid));
            throw e;
        }
        var authorities = authoritiesOf(account);
        if (authorities.isEmpty()) {
            // Counted as a failure: an attempt with the right password is not told apart from a wrong one.
            log.info("Staff sign-in refused for uid '{}': no staff role", LogSafe.token(uid));
            throw new BadCredentialsException("No staff role");
        }
        throttle.succeeded(attempt);
        var principal = new User(account.uid(), "", authorities);
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        result.setDetails(account.displayName());
        log.info("Staff sign-in: uid '{}' with {}", account.uid(), authorities);
        return result;
    }

    private static @Nullable String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }

    List<GrantedAuthority> authoritiesOf(StaffDirectory.StaffAccount account) {
        var groups = settings.groups();
        var roles = new ArrayList<GrantedAuthority>();
        boolean admin = account.groups().contains(groups.userAdministrator());
        boolean manager = admin || account.groups().contains(groups.deskManager());
        boolean operator = manager || account.groups().contains(groups.deskOperator());
        if (operator) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + Roles.DESK_OPERATOR));
        }
        if (manager) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + Roles.DESK_MANAGER));
        }
        if (admin) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + Roles.USER_ADMINISTRATOR));
        }
        return roles;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
