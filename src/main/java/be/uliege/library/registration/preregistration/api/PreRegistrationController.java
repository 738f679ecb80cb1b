package be.uliege.library.registration.preregistration.api;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.preregistration.PreRegistrationForm;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.ProofOfWork;
import be.uliege.library.registration.preregistration.PublicSubmissions;
import be.uliege.library.registration.preregistration.Submission;
import be.uliege.library.registration.preregistration.SubmissionOutcome;
import be.uliege.library.registration.preregistration.Use;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/pre-registrations}: the same use case, rules and messages as the public page
 * ({@link PublicSubmissions}, which holds the order of the defences); this class reads the JSON and
 * puts the outcome into an HTTP answer.
 */
@RestController
@RequestMapping("/api/v1/pre-registrations")
class PreRegistrationController {

    static final String EXAMPLE = """
            {"firstName":"Élodie","lastName":"Dupré","birthDate":"1990-04-12","gender":"F","preferredLanguage":"fre",
             "email":"elodie.dupre@example.be","phone":"0475 12 34 56",
             "address":{"line1":"Rue de la Cathédrale 12 bte 3","postalCode":"4000","city":"Liège","country":"BE"},
             "jobCategory":"AUTRE HE / UNIV","jobDescription":"Haute École Charlemagne","use":"PRIVATE",
             "privacyNoticeVersion":"2026-1","privacyNoticeAccepted":true,
             "challenge":"1795000000.q3k….9f2c…","nonce":"1x7z"}""";

    static final String PROBLEM = """
            {"type":"urn:problem-type:uliege-library:invalid-fields","title":"Data to correct","status":422,
             "detail":"Some fields need correcting: see the list of errors.",
             "errors":[{"field":"address.postalCode","code":"address.postal-code.unknown",
                        "message":"Postal code 4999 does not exist in Belgium. Check it."}]}""";

    /** The hidden field of the form: people leave it empty, robots fill it. */
    static final String HONEYPOT = "website";

    private final PublicSubmissions submissions;
    private final PreRegistrationService registrations;
    private final ProofOfWork proofOfWork;
    private final Problems problems;

    PreRegistrationController(
            PublicSubmissions submissions,
            PreRegistrationService registrations,
            ProofOfWork proofOfWork,
            Problems problems) {
        this.submissions = submissions;
        this.registrations = registrations;
        this.proofOfWork = proofOfWork;
        this.problems = problems;
    }

    /** A challenge to solve before submitting (R-PRE-6). */
    @GetMapping("/challenge")
    Map<String, Object> challenge() {
        var c = proofOfWork.issue();
        return Map.of(
                "challenge",
                c.challenge(),
                "difficulty",
                c.difficulty(),
                "expiresAt",
                c.expiresAt().toString(),
                "algorithm",
                "SHA-256(challenge + \":\" + nonce) starts with `difficulty` zero bits");
    }

    @PostMapping
    @Operation(
            summary = "Pre-register a member of the public (R-PRE-1…6)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = PreRegistrationRequest.class),
                                            examples = @ExampleObject(name = "private use", value = EXAMPLE))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "stored; a confirmation mail is on its way",
                        content =
                                @Content(
                                        examples =
                                                @ExampleObject(
                                                        value =
                                                                "{\"id\":\"B950042\",\"status\":\"AWAITING_EMAIL_CONFIRMATION\"}"))),
                @ApiResponse(responseCode = "200", description = "the same submission again: the first entry"),
                @ApiResponse(
                        responseCode = "422",
                        description = "field errors",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        examples = @ExampleObject(value = PROBLEM))),
                @ApiResponse(responseCode = "429", description = "too many requests; see Retry-After")
            })
    ResponseEntity<?> submit(
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestBody JsonNode body,
            HttpServletRequest request) {
        if (!body.isObject()) {
            return problems.unprocessable(List.of(Violation.of("body", "body.not-object")));
        }
        var unreadable = new ArrayList<Violation>();
        var form = parse(body, unreadable);
        var submission = new Submission(
                form,
                request.getRemoteAddr(),
                text(body, HONEYPOT, new ArrayList<>()),
                nullable(body, "challenge"),
                nullable(body, "nonce"),
                unreadable);
        return switch (submissions.accept(submission)) {
            case SubmissionOutcome.Accepted accepted -> {
                var response = Map.of(
                        "id", accepted.identifier(), "status", accepted.status().name());
                var location = URI.create("/api/v1/pre-registrations/" + accepted.identifier());
                yield accepted.repeated()
                        ? ResponseEntity.ok().location(location).body(response)
                        : ResponseEntity.created(location).body(response);
            }
            case SubmissionOutcome.Robot(var trap) ->
                problems.unprocessable(List.of(
                        switch (trap) {
                            case HIDDEN_FIELD -> Violation.of(HONEYPOT, "form.rejected");
                            case CHALLENGE -> Violation.of("challenge", "challenge.invalid");
                        }));
            case SubmissionOutcome.TooMany(var retryAfterSeconds) -> problems.tooMany(retryAfterSeconds);
            case SubmissionOutcome.Invalid(var violations) -> problems.unprocessable(violations);
            case SubmissionOutcome.Concurrent() -> problems.concurrent();
        };
    }

    /** R-PRE-4: a single-use link: 200 once, 410 when expired, used or unknown. */
    @PostMapping("/confirmations")
    ResponseEntity<?> confirm(@RequestBody JsonNode body) {
        var token = body.isObject() ? nullable(body, "token") : null;
        return switch (registrations.confirm(token)) {
            case CONFIRMED -> ResponseEntity.ok(Map.of("status", "CONFIRMED"));
            case GONE -> problems.gone();
        };
    }

    static PreRegistrationForm parse(JsonNode body, List<Violation> errors) {
        var address = body.get("address");
        if (address != null && !address.isNull() && !address.isObject()) {
            errors.add(Violation.of("address", "type.object"));
            address = null;
        }
        return new PreRegistrationForm(
                nullable(body, "firstName", errors),
                nullable(body, "lastName", errors),
                date(body, "birthDate", errors),
                choice(body, "gender", errors, Map.of("F", Gender.F, "M", Gender.M, "X", Gender.X)),
                choice(body, "preferredLanguage", errors, Map.of("fre", Language.FRE, "eng", Language.ENG)),
                nullable(body, "email", errors),
                nullable(body, "phone", errors),
                address == null ? null : nullable(address, "line1", "address.line1", errors),
                address == null ? null : nullable(address, "postalCode", "address.postalCode", errors),
                address == null ? null : nullable(address, "city", "address.city", errors),
                address == null ? null : nullable(address, "country", "address.country", errors),
                nullable(body, "jobCategory", errors),
                nullable(body, "jobDescription", errors),
                choice(body, "use", errors, Map.of("PRIVATE", Use.PRIVATE, "PROFESSIONAL", Use.PROFESSIONAL)),
                nullable(body, "privacyNoticeVersion", errors),
                bool(body, "privacyNoticeAccepted", errors));
    }

    private static @Nullable String nullable(JsonNode node, String name) {
        var value = node.get(name);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static @Nullable String nullable(JsonNode node, String name, List<Violation> errors) {
        return nullable(node, name, name, errors);
    }

    private static @Nullable String nullable(JsonNode node, String name, String field, List<Violation> errors) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(Violation.of(field, "type.text"));
            return null;
        }
        return value.asString();
    }

    private static String text(JsonNode node, String name, List<Violation> errors) {
        var value = nullable(node, name, errors);
        return value == null ? "" : value;
    }

    private static @Nullable LocalDate date(JsonNode node, String name, List<Violation> errors) {
        var value = nullable(node, name, errors);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(Violation.of(name, "date.format"));
            return null;
        }
    }

    private static <T> @Nullable T choice(JsonNode node, String name, List<Violation> errors, Map<String, T> choices) {
        var value = nullable(node, name, errors);
        if (value == null || value.isBlank()) {
            return null;
        }
        var chosen = choices.get(value.strip());
        if (chosen == null) {
            errors.add(Violation.of(
                    name,
                    "choice.invalid",
                    String.join(", ", choices.keySet().stream().sorted().toList())));
        }
        return chosen;
    }

    private static @Nullable Boolean bool(JsonNode node, String name, List<Violation> errors) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(Violation.of(name, "type.boolean"));
            return null;
        }
        return value.asBoolean();
    }
}
