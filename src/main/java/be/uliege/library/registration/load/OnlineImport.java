package be.uliege.library.registration.load;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.load.AlmaUserMapping.Mapped;
import be.uliege.library.registration.load.file.AlmaUserReader;
import be.uliege.library.registration.load.file.FileRefusedException;
import be.uliege.library.registration.load.file.ReadLimits;
import be.uliege.library.registration.load.file.ReadRow;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.LoadOutcome;
import be.uliege.library.registration.patron.UniversityPeople;
import be.uliege.library.registration.security.Roles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Online import (R-SIS-2): a desk operator loads one person from the university's systems now,
 * instead of waiting up to 48 hours for the nightly file. The university's endpoint
 * ({@code registration.load.online-import-url}, {@code {id}} replaced by the P key or the university
 * identifier typed) answers that person's user XML; the row goes through the same mapping and the
 * same rules as the night's, and is recorded as a run of its own ("online import") with its outcome.
 */
@Service
public class OnlineImport {

    private static final Logger log = LoggerFactory.getLogger(OnlineImport.class);
    private static final Pattern ASKED = Pattern.compile("[A-Za-z0-9]{2,32}");
    private static final int MAX_BODY = 1024 * 1024;

    private final LoadSettings settings;
    private final AlmaUserMapping mapping;
    private final UniversityPeople people;
    private final LoadRuns runs;
    private final CurrentStaff staff;
    private final ReadLimits limits;
    private final Clock clock;
    private final HttpClient http;
    private final Environment environment;

    OnlineImport(
            LoadSettings settings,
            AlmaUserMapping mapping,
            UniversityPeople people,
            LoadRuns runs,
            CurrentStaff staff,
            ReadLimits limits,
            Clock clock,
            Environment environment) {
        this.environment = environment;
        this.settings = settings;
        this.mapping = mapping;
        this.people = people;
        this.runs = runs;
        this.staff = staff;
        this.limits = limits;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.onlineImportTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What an online import did. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        /** The university's systems do not know this person (yet). */
        NOT_FOUND,
        /** The person's data breaks a rule: the reasons say which. */
        REJECTED,
        /** The university's endpoint did not answer, or answered something else than a user. */
        UNAVAILABLE,
        /** No endpoint is configured here. */
        NOT_CONFIGURED,
        /** Not a P key nor a university identifier. */
        NOT_AN_IDENTIFIER
    }

    /** The outcome, the record's identifier when there is one, and reasons as message keys with arguments. */
    public record Result(Outcome outcome, @Nullable String identifier, List<LoadReportLine> reasons) {}

    /** Whether an endpoint is configured (the search offers the import only then). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean available() {
        var url = settings.onlineImportUrl();
        return url != null && !url.isBlank();
    }

    /** The endpoint's address; one starting with {@code /} is this application's own (the embedded stand-in). */
    private String address() {
        var url = String.valueOf(settings.onlineImportUrl());
        return url.startsWith("/")
                ? "http://localhost:" + environment.getProperty("local.server.port", "8080") + url
                : url;
    }

    /** Whether the typed text can be asked for at all: a P key or a U, S or C identifier. */
    public static boolean looksLikeUniversityIdentifier(String text) {
        var tidy = text.strip();
        return ASKED.matcher(tidy).matches() && "PUSC".indexOf(Character.toUpperCase(tidy.charAt(0))) >= 0;
    }

    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public Result importPerson(String asked) {
        if (!available()) {
            return new Result(Outcome.NOT_CONFIGURED, null, List.of());
        }
        var id = asked.strip().toUpperCase(Locale.ROOT);
        if (!looksLikeUniversityIdentifier(id)) {
            return new Result(Outcome.NOT_AN_IDENTIFIER, null, List.of());
        }
        byte[] body;
        try {
            var request = HttpRequest.newBuilder(
                            URI.create(address().replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8))))
                    .timeout(settings.onlineImportTimeout())
                    .header("Accept", "application/xml")
                    .GET()
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var in = response.body()) {
                if (response.statusCode() == 404) {
                    return new Result(Outcome.NOT_FOUND, null, List.of());
                }
                if (response.statusCode() != 200) {
                    log.warn("Online import: the university's endpoint answered {}", response.statusCode());
                    return new Result(Outcome.UNAVAILABLE, null, List.of());
                }
                body = in.readNBytes(MAX_BODY + 1);
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn(
                    "Online import: the university's endpoint cannot be reached: {}",
                    e.getClass().getSimpleName());
            return new Result(Outcome.UNAVAILABLE, null, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.UNAVAILABLE, null, List.of());
        }
        if (body.length > MAX_BODY) {
            return new Result(Outcome.UNAVAILABLE, null, List.of());
        }
        return apply(id, body);
    }

    private Result apply(String id, byte[] body) {
        ReadRow row;
        try (var reader = AlmaUserReader.open(new ByteArrayInputStream(body), "online-import", limits)) {
            var first = reader.next();
            if (first.isEmpty()) {
                return new Result(Outcome.NOT_FOUND, null, List.of());
            }
            row = first.get();
        } catch (FileRefusedException e) {
            log.warn(
                    "Online import: the university's answer was refused: {}",
                    e.reason().key());
            return new Result(Outcome.UNAVAILABLE, null, List.of());
        }
        var today = LocalDate.now(clock);
        long run = runs.start("online import " + id, LoadInstructions.Mode.SYNCHRONIZE, false, staff.actor());
        var tally = new LoadWriter.Tally();
        tally.read = 1;
        Result result;
        switch (row) {
            case ReadRow.Unreadable u -> {
                tally.rejected++;
                tally.lines.add(LoadWriter.line(
                        LoadReportLine.Outcome.REJECTED, u.position(), u.primaryId(), null, u.reason()));
                result = new Result(Outcome.REJECTED, null, List.copyOf(tally.lines));
            }
            case ReadRow.Read r -> {
                switch (mapping.map(r.user(), 1, today)) {
                    case Mapped.Person p -> {
                        var how = new LoadInstructions(
                                LoadInstructions.Mode.SYNCHRONIZE,
                                settings.matchPoint(),
                                run,
                                today,
                                settings.kindPriority(),
                                false);
                        LoadOutcome first = SystemPrincipal.call(() -> people.apply(List.of(p.person()), how))
                                .getFirst();
                        // One row only: no other row of this run can be the person's, decide now.
                        LoadOutcome outcome = first.result() == LoadOutcome.Result.DEFERRED
                                ? SystemPrincipal.call(() -> people.applyDeferred(p.person(), how))
                                : first;
                        tally.count(outcome, p.person(), r.position(), run, null);
                        result = switch (outcome.result()) {
                            case CREATED -> new Result(Outcome.CREATED, outcome.patron(), List.of());
                            case UPDATED, DUPLICATE, DEFERRED ->
                                new Result(Outcome.UPDATED, outcome.patron(), List.of());
                            case UNCHANGED -> new Result(Outcome.UNCHANGED, outcome.patron(), List.of());
                            case REJECTED -> new Result(Outcome.REJECTED, null, List.copyOf(tally.lines));
                        };
                    }
                    case Mapped.Refused refused -> {
                        tally.rejected++;
                        tally.lines.add(LoadWriter.line(
                                LoadReportLine.Outcome.REJECTED,
                                r.position(),
                                r.user().primaryId(),
                                refused.field(),
                                refused.reason()));
                        result = new Result(Outcome.REJECTED, null, List.copyOf(tally.lines));
                    }
                    case Mapped.HeldBack held -> {
                        tally.heldBack++;
                        tally.lines.add(LoadWriter.line(
                                LoadReportLine.Outcome.HELD_BACK,
                                r.position(),
                                r.user().primaryId(),
                                null,
                                held.reason()));
                        result = new Result(Outcome.REJECTED, null, List.copyOf(tally.lines));
                    }
                }
            }
        }
        runs.add(run, tally.counts());
        runs.report(run, tally.lines);
        runs.finish(run, LoadRun.Status.COMPLETED, null);
        return result;
    }
}
