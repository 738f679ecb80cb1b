package be.uliege.library.registration.preregistration.api;

import be.uliege.library.registration.base.Violation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem details for the public API's own answers: one {@code {field, code, message}} per
 * failing field, the message in the language of {@code Accept-Language} (French when none is
 * offered). The API's common advice ({@code base.api}) answers everything else: malformed bodies,
 * unknown paths and methods, unavailable dependencies, bugs.
 */
@Component
class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    ResponseEntity<ProblemDetail> unprocessable(List<Violation> violations) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, message("api.invalid"));
        problem.setType(URI.create("urn:problem-type:uliege-library:invalid-fields"));
        problem.setTitle(message("api.invalid.title"));
        problem.setProperty("errors", violations.stream().map(this::error).toList());
        return respond(problem, HttpStatus.UNPROCESSABLE_CONTENT, new HttpHeaders());
    }

    ResponseEntity<ProblemDetail> gone() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, message("api.confirmation.gone"));
        problem.setTitle(message("api.confirmation.gone.title"));
        return respond(problem, HttpStatus.GONE, new HttpHeaders());
    }

    ResponseEntity<ProblemDetail> tooMany(long retryAfterSeconds) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, message("api.too-many", retryAfterSeconds));
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return respond(problem, HttpStatus.TOO_MANY_REQUESTS, headers);
    }

    ResponseEntity<ProblemDetail> concurrent() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message("api.concurrent"));
        return respond(problem, HttpStatus.CONFLICT, new HttpHeaders());
    }

    private Map<String, Object> error(Violation v) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", v.field());
        error.put("code", v.code());
        error.put(
                "message",
                messages.getMessage(
                        v.messageKey(), v.args().toArray(), v.messageKey(), LocaleContextHolder.getLocale()));
        return error;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<ProblemDetail> respond(
            ProblemDetail problem, HttpStatus status, HttpHeaders headers) {
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
