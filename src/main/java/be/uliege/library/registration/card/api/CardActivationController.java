package be.uliege.library.registration.card.api;

import be.uliege.library.registration.card.ActivationDelayedException;
import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.card.TooManyActivationAttemptsException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * R-CARD-5: {@code POST /api/v1/card-activations} with {@code {"identifier": …, "code": …}} —
 * {@code 200} when activated (or activated already), {@code 422} with the same neutral message
 * whether the identifier exists or not, {@code 429} with {@code Retry-After} (seconds) when the
 * client is over its limit or when the identifier must wait after too many wrong codes (from this
 * network, or from all: the back-off of docs/decisions/0008-card-activation-backoff.md). While it
 * waits, no code is examined: the right one gets the same {@code 429}. These answers are the same,
 * byte for byte, for an identifier that exists, one without a card and one that does not exist.
 * {@code 423 Locked} is no longer answered: cards do not lock any more (anyone could lock any card,
 * and only existing cards answered it). Messages follow {@code Accept-Language}.
 */
@RestController
@RequestMapping(path = "/api/v1/card-activations", produces = MediaType.APPLICATION_JSON_VALUE)
class CardActivationController {

    private final Cards cards;
    private final MessageSource messages;

    CardActivationController(Cards cards, MessageSource messages) {
        this.cards = cards;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> activate(@RequestBody JsonNode body, HttpServletRequest request) {
        var identifier = body.isObject() && body.path("identifier").isString()
                ? body.path("identifier").asString()
                : null;
        var code = body.isObject() && body.path("code").isString()
                ? body.path("code").asString()
                : null;
        var outcome = cards.activate(identifier, code, request.getRemoteAddr());
        return switch (outcome) {
            case ACTIVATED, ALREADY_ACTIVE ->
                ResponseEntity.ok(
                        Map.of("status", outcome.name(), "message", message("card.activation." + outcome.name())));
            case WRONG -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "card.activation.WRONG", new HttpHeaders());
        };
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(TooManyActivationAttemptsException e) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        if (e instanceof ActivationDelayedException) {
            long minutes = (e.retryAfterSeconds() + 59) / 60;
            return problem(HttpStatus.TOO_MANY_REQUESTS, "card.activation.DELAYED", headers, minutes);
        }
        return problem(HttpStatus.TOO_MANY_REQUESTS, "card.activation.TOO_MANY", headers, e.retryAfterSeconds());
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, HttpHeaders headers, Object... args) {
        var problem = ProblemDetail.forStatusAndDetail(status, message(key, args));
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
