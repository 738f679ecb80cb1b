package be.uliege.library.registration.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every exception of Spring MVC under {@code /api/**} that no feature answered itself: unknown path,
 * method, media type, unreadable body, an unavailable dependency, a bug. Last of all advice, so that
 * a feature's own handlers (field errors, rate limits) come first. Elsewhere (the desk's pages, the
 * photo service) the exception goes on as if this advice did not exist.
 *
 * <p>The problem is written to the response directly, not returned: a client that accepts neither
 * JSON nor problem+json would otherwise get an empty body from content negotiation.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

    private final ApiProblems problems;

    ApiExceptionHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    void failure(Exception failure, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!ApiProblems.isApi(ApiProblems.path(request))) {
            throw failure; // handled further on, as before
        }
        problems.write(problems.of(failure, request), response);
    }
}
