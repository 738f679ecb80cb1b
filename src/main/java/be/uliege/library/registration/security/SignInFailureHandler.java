package be.uliege.library.registration.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the login page after a refused sign-in (R-DESK-1): {@code ?error}, and when the attempt
 * was throttled, {@code &retry=} the moment (seconds since the epoch) from which the login page says
 * to try again. The same answer whether or not the uid exists.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        var target = exception instanceof SignInThrottledException throttled
                ? "/login?error&retry=" + throttled.retryAt().getEpochSecond()
                : "/login?error";
        redirects.sendRedirect(request, response, target);
    }
}
