package be.uliege.library.registration.base.api;

import be.uliege.library.registration.base.Languages;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.exception.JDBCConnectionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a failure of the API into an RFC 9457 problem and writes it: one place for the
 * controllers' advice ({@link ApiExceptionHandler}) and the filter that sees what happens outside
 * them ({@link ApiFilter}). Only 5xx are logged: a 500 at ERROR with its stack trace and the error
 * id the client was given, a 503 at WARN without the trace (the dependency's own health says more).
 */
@Component
public class ApiProblems {

    static final String TYPE_PREFIX = "urn:problem-type:uliege-library:";
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"", Pattern.DOTALL);
    private static final Set<ResultCode> DIRECTORY_UNAVAILABLE = Set.of(
            ResultCode.SERVER_DOWN,
            ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT,
            ResultCode.UNAVAILABLE,
            ResultCode.BUSY);

    private final MessageSource messages;
    private final JsonMapper json;
    private final ApiSettings settings;

    ApiProblems(MessageSource messages, JsonMapper json, ApiSettings settings) {
        this.messages = messages;
        this.json = json;
        this.settings = settings;
    }

    /** What a client is told: status, headers and the problem's members. */
    record Problem(int status, HttpHeaders headers, Map<String, Object> body) {}

    /** Whether a path (without the context path) belongs to the API. */
    static boolean isApi(@Nullable String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    static String path(HttpServletRequest request) {
        var uri = request.getRequestURI();
        var context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The language of the answer: the first of the client's that the bundles have, French otherwise. */
    static Locale locale(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Locale.FRENCH;
        }
        for (var wanted : Collections.list(request.getLocales())) {
            for (var language : Languages.SCREEN_LANGUAGES) {
                if (language.getLanguage().equals(wanted.getLanguage())) {
                    return language;
                }
            }
        }
        return Locale.FRENCH;
    }

    /** The problem for a failure; a bug (500) is logged with its id and stack trace. */
    Problem of(Throwable failure, HttpServletRequest request) {
        var locale = locale(request);
        if (find(failure, BodyTooLargeException.class) != null) {
            return tooLarge(locale);
        }
        if (failure instanceof ApiProblemException named) {
            return problem(
                    named.status().value(),
                    null,
                    message(named.messageKey(), locale, named.args()),
                    locale,
                    new HttpHeaders());
        }
        if (failure instanceof ErrorResponse response) {
            int status = response.getStatusCode().value();
            var headers = new HttpHeaders();
            headers.putAll(response.getHeaders());
            var problem = problem(status, null, null, locale, headers);
            if (failure instanceof HttpMediaTypeNotSupportedException) {
                problem.body().put("errors", List.of(error("body", "body.media-type", locale)));
            }
            return problem;
        }
        if (failure instanceof HttpMessageNotReadableException) {
            var duplicate = duplicateKey(failure);
            if (duplicate != null) {
                var problem = problem(
                        400,
                        "duplicate-key",
                        message("api.duplicate-key", locale, duplicate),
                        locale,
                        new HttpHeaders());
                problem.body().put("errors", List.of(error("body", "body.duplicate-key", locale, duplicate)));
                return problem;
            }
            var problem = problem(400, "malformed-body", message("api.malformed", locale), locale, new HttpHeaders());
            problem.body().put("errors", List.of(error("body", "body.malformed", locale)));
            return problem;
        }
        if (dependencyUnavailable(failure)) {
            log.warn(
                    "API {} {}: a dependency is unavailable, answered 503: {}",
                    request.getMethod(),
                    loggable(path(request)),
                    rootMessage(failure));
            return unavailable(locale);
        }
        return bug(failure, request, locale);
    }

    /** The problem for a status the container or a filter chose without an exception (the /error dispatch). */
    Problem of(int status, HttpServletRequest request) {
        var locale = locale(request);
        return switch (status) {
            case 413 -> tooLarge(locale);
            case 503 -> unavailable(locale);
            case 500 -> bug(null, request, locale);
            default -> problem(status, null, null, locale, new HttpHeaders());
        };
    }

    /** A body over the limit, named before a byte of it is read. */
    Problem tooLarge(HttpServletRequest request) {
        return tooLarge(locale(request));
    }

    private Problem tooLarge(Locale locale) {
        long kilobytes = settings.maxBodySize().toKilobytes();
        var problem =
                problem(413, "body-too-large", message("api.too-large", locale, kilobytes), locale, new HttpHeaders());
        problem.body().put("errors", List.of(error("body", "body.too-large", locale, kilobytes)));
        return problem;
    }

    private Problem unavailable(Locale locale) {
        long seconds = Math.max(1, settings.retryAfter().toSeconds());
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem(503, "unavailable", message("api.unavailable", locale, seconds), locale, headers);
    }

    private Problem bug(@Nullable Throwable failure, HttpServletRequest request, Locale locale) {
        var id = UUID.randomUUID().toString();
        log.error("API error {} on {} {}", id, request.getMethod(), loggable(path(request)), failure);
        var problem = problem(500, "internal-error", message("api.internal", locale, id), locale, new HttpHeaders());
        problem.body().put("errorId", id);
        return problem;
    }

    private Problem problem(
            int status, @Nullable String type, @Nullable String detail, Locale locale, HttpHeaders headers) {
        var body = new LinkedHashMap<String, Object>();
        body.put(
                "type",
                type == null ? "about:blank" : URI.create(TYPE_PREFIX + type).toString());
        body.put("title", title(status, locale));
        body.put("status", status);
        body.put("detail", detail != null ? detail : statusDetail(status, locale));
        return new Problem(status, headers, body);
    }

    /** Writes the problem, replacing whatever the response held; nothing when it is already on its way. */
    void write(Problem problem, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            log.warn("API answer already sent; could not replace it with a {} problem", problem.status());
            return;
        }
        response.reset();
        response.setStatus(problem.status());
        problem.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var bytes = json.writeValueAsBytes(problem.body());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The database, the directory or the mail server did not answer: the client may try again. */
    static boolean dependencyUnavailable(Throwable failure) {
        for (var cause : causes(failure)) {
            if (cause instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientException // the pool's timeout, a query's timeout
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof MailSendException
                    || (cause instanceof LDAPException ldap && DIRECTORY_UNAVAILABLE.contains(ldap.getResultCode()))) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String duplicateKey(Throwable failure) {
        var read = find(failure, StreamReadException.class);
        if (read == null || read.getOriginalMessage() == null) {
            return null;
        }
        var matcher = DUPLICATE.matcher(read.getOriginalMessage());
        if (!matcher.find()) {
            return null;
        }
        var name = matcher.group(1).replaceAll("\\p{Cntrl}", "?");
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (var cause : causes(failure)) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static List<Throwable> causes(Throwable failure) {
        var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        var chain = new ArrayList<Throwable>();
        for (Throwable t = failure; t != null && seen.add(t) && chain.size() < 32; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String rootMessage(Throwable failure) {
        var chain = causes(failure);
        var root = chain.getLast();
        return root.getClass().getSimpleName() + ": " + loggable(String.valueOf(root.getMessage()));
    }

    /** A path or message as the log may hold it: one line, not too long. */
    static String loggable(String value) {
        var cut = value.length() > 200 ? value.substring(0, 200) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private String title(int status, Locale locale) {
        var key = "api.status." + status + ".title";
        var title = messages.getMessage(key, null, null, locale);
        if (title != null) {
            return title;
        }
        var reason = HttpStatus.resolve(status);
        return reason == null ? message("api.status.other.title", locale) : reason.getReasonPhrase();
    }

    private String statusDetail(int status, Locale locale) {
        var detail = messages.getMessage("api.status." + status, null, null, locale);
        return detail != null ? detail : message("api.status.other", locale);
    }

    private Map<String, Object> error(String field, String code, Locale locale, Object... args) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", field);
        error.put("code", code);
        error.put("message", message("rule." + code, locale, args));
        return error;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
