package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desk decides about a confirmed pre-registration (R-DESK-3): validated as a new patron,
 * taken over by an existing record (the pre-registered record is then deleted), or rejected with
 * a reason the person receives by mail. Each decision locks the entry and asks it to change
 * ({@link PreRegistration#validate}, {@link PreRegistration#reject}): when two operators decide at
 * once, one succeeds and the other is told.
 */
@Service
@PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
public class PreRegistrationDecisions {

    static final int REASON_MAX = 1000;

    private final PreRegistrationRepository registrations;
    private final CurrentStaff staff;
    private final Patrons patrons;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PreRegistrationDecisions(
            PreRegistrationRepository registrations,
            Patrons patrons,
            ApplicationEventPublisher events,
            Clock clock,
            CurrentStaff staff) {
        this.staff = staff;
        this.registrations = registrations;
        this.patrons = patrons;
        this.events = events;
        this.clock = clock;
    }

    /** A pre-registration as the validation screen needs it. */
    public record Entry(
            long id,
            long patronId,
            String identifier,
            Use use,
            PreRegistrationStatus status,
            boolean possibleDuplicate,
            boolean foreignAddress,
            @Nullable Instant confirmedAt,
            @Nullable String decidedBy) {}

    @Transactional(readOnly = true)
    public Optional<Entry> entry(long id) {
        return registrations
                .findById(id)
                .map(r -> new Entry(
                        r.getId(),
                        r.getPatronId(),
                        r.getPatronIdentifier(),
                        r.getUse(),
                        r.getStatus(),
                        r.isPossibleDuplicate(),
                        r.hasForeignAddress(),
                        r.getConfirmedAt(),
                        r.getDecidedBy()));
    }

    /** The entry leaves the queue as validated; its record goes on to the fees and the registration step. */
    @Transactional
    public void validated(long id) {
        locked(id).validate(staff.uid(), clock.instant());
    }

    /**
     * The person is an existing patron (R-DESK-3): the pre-registered record is deleted with the
     * entry, and its identifier returned, for the existing record to keep (R-ID-4).
     */
    @Transactional
    public String takenOver(long id) {
        var registration = locked(id);
        registration.validate(staff.uid(), clock.instant());
        registrations.flush(); // decided before the record, and the entry with it, is deleted
        patrons.deletePreRegistered(registration.getPatronId()); // the entry goes with it (foreign key cascade)
        return registration.getPatronIdentifier();
    }

    /** Refused, with the reason the person receives by mail; the record is deleted once it is sent. */
    @Transactional
    public void reject(long id, String reason) {
        var tidy = Text.tidy(reason);
        if (tidy == null || tidy.isBlank()) {
            throw new IllegalArgumentException("A rejection needs its reason");
        }
        locked(id).reject(staff.uid(), clock.instant());
        events.publishEvent(
                new PreRegistrationRejected(id, tidy.length() > REASON_MAX ? tidy.substring(0, REASON_MAX) : tidy));
    }

    /** The entry, locked until the decision commits; gone (a taken-over entry goes with its record): decided. */
    private PreRegistration locked(long id) {
        return registrations.lockById(id).orElseThrow(() -> new AlreadyDecidedException(null));
    }
}
