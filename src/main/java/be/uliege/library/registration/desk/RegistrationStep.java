package be.uliege.library.registration.desk;

import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.ContactKind;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.Violation;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration step (R-DESK-4), the documents' "plugin", in one transaction: the identity
 * document checked for this registration (R-DESK-3), the fees paid or waived (R-DESK-6), every
 * required field present (each missing one named), expiration one year ahead and purge date after
 * it, status Active, the directory account asked for with a new password, the welcome mail asked
 * for. The directory and the mail server are reached after the commit, from the event publication
 * registry: if either is down, the patron is active, the step shows as pending, and it completes
 * by itself, once. BX patrons never go through this step (R-CNV-4).
 */
@Service
public class RegistrationStep {

    private final PatronService patrons;
    private final PatronAccounts accounts;
    private final Fees fees;
    private final PatronSettings settings;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegistrationStep(PatronService patrons, PatronAccounts accounts, Fees fees, PatronSettings settings,
            JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.patrons = patrons;
        this.accounts = accounts;
        this.fees = fees;
        this.settings = settings;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** What the operator shows the patron once, and prints: the login and the new password. */
    public record Outcome(PatronDetails patron, PatronAccounts.IssuedPassword account, long registrationId) {}

    /**
     * Runs the step for a patron the operator was looking at in {@code expectedVersion}; refused,
     * with the reason, when a requirement is not met or someone changed the record meanwhile.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public Outcome register(long patronId, long expectedVersion, String site) {
        if (settings.sites().stream().noneMatch(s -> s.code().equals(site))) {
            throw new IllegalArgumentException("Unknown site " + site);
        }
        var before = patrons.details(patronId);
        if (before.version() != expectedVersion) {
            // Someone changed the record (or ran this step) since the operator read it: say so first.
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(PatronDetails.class, patronId);
        }
        if (before.kind() == PatronKind.BX) {
            throw new PatronRuleException(Violation.of("kind", "registration.bx-never"));
        }
        if (!identityCheckedForThisRegistration(patronId)) {
            throw new PatronRuleException(Violation.of("identityCheck", "registration.identity-not-checked"));
        }
        var patron = patrons.activate(patronId, expectedVersion);
        var registrationId = insertRegistration(patron, site);
        fees.useForRegistration(patronId, registrationId);
        var email = patron.contacts().stream()
                .filter(c -> c.kind() == ContactKind.EMAIL && c.usedForLetters()).map(PatronDetails.Contact::display)
                .findFirst().orElse(null);
        var account = accounts.issue(new PatronAccounts.Holder(patronId, patron.primaryIdentifier(), patron.firstName(),
                patron.lastName(), email, patron.expirationDate()));
        patrons.recordStep(patronId, "registration", "site " + site + ", expires " + patron.expirationDate()
                + ", directory account and welcome mail asked for");
        events.publishEvent(new PatronRegistered(registrationId, patronId));
        return new Outcome(patron, account, registrationId);
    }

    /** Where the steps outside the database stand, for staff (R-DESK-4: the pending step is visible). */
    public record Progress(PatronAccounts.@Nullable Status account, @Nullable String welcomeMail,
            @Nullable Instant welcomeMailAt, @Nullable Instant registeredAt, @Nullable String registeredBy,
            @Nullable Long registrationId, @Nullable String site) {

        public boolean isComplete() {
            return account != null && account.state() == PatronAccounts.State.DONE && "SENT".equals(welcomeMail);
        }
    }

    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Progress progress(long patronId) {
        var latest = jdbc.query("select welcome_mail, welcome_mail_at, registered_at, registered_by, id, site "
                + "from registration where patron_id = ? order by registered_at desc, id desc limit 1", (row, n) -> {
                    var at = row.getTimestamp(2);
                    return new Progress(null, row.getString(1), at == null ? null : at.toInstant(),
                            row.getTimestamp(3).toInstant(), row.getString(4), row.getLong(5), row.getString(6));
                }, patronId).stream().findFirst();
        var account = accounts.status(patronId).orElse(null);
        return latest.map(p -> new Progress(account, p.welcomeMail(), p.welcomeMailAt(), p.registeredAt(),
                p.registeredBy(), p.registrationId(), p.site()))
                .orElse(new Progress(account, null, null, null, null, null, null));
    }

    /** Whether an identity document was checked since the patron's last registration step (or ever, for a first). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public boolean identityCheckedForThisRegistration(long patronId) {
        var lastCheck = patrons.identityChecks(patronId).stream().findFirst().map(PatronService.IdentityCheck::checkedAt);
        if (lastCheck.isEmpty()) {
            return false;
        }
        Optional<Instant> lastRegistration = jdbc.query("select max(registered_at) from registration where patron_id = ?",
                (row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant), patronId).getFirst();
        return lastRegistration.isEmpty() || lastCheck.get().isAfter(lastRegistration.get());
    }

    private long insertRegistration(PatronDetails patron, String site) {
        var keys = new GeneratedKeyHolder();
        var by = SecurityContextHolder.getContext().getAuthentication().getName();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into registration (patron_id, patron_identifier, "
                    + "registered_by, registered_at, site, expiration_date, welcome_mail) values (?, ?, ?, ?, ?, ?, 'PENDING')",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            statement.setLong(1, patron.id());
            statement.setString(2, patron.primaryIdentifier());
            statement.setString(3, by);
            statement.setTimestamp(4, Timestamp.from(clock.instant()));
            statement.setString(5, site);
            statement.setObject(6, patron.expirationDate());
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }
}
