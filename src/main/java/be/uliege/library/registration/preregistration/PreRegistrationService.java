package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.DuplicateSearch;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public pre-registration (R-PRE-1…5). The same rules as at the desk decide; the public answer is
 * the same whether or not the person resembles an existing patron (the resemblance is only a flag
 * for staff). A repeated submission of the same data returns the entry it already made.
 */
@Service
public class PreRegistrationService {

    private static final Logger log = LoggerFactory.getLogger(PreRegistrationService.class);

    private final PreRegistrationRepository registrations;
    private final Patrons patrons;
    private final DuplicateSearch duplicates;
    private final PatronSettings patronSettings;
    private final PreRegistrationSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    PreRegistrationService(
            PreRegistrationRepository registrations,
            Patrons patrons,
            DuplicateSearch duplicates,
            PatronSettings patronSettings,
            PreRegistrationSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.registrations = registrations;
        this.patrons = patrons;
        this.duplicates = duplicates;
        this.patronSettings = patronSettings;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a submission, as the public sees it. */
    public record Submitted(String identifier, PreRegistrationStatus status, boolean repeated) {}

    /**
     * Every broken rule of the form, with the form's field names, without storing anything: the
     * page checks each field as the person leaves it (R-PRE-2).
     */
    // Anyone: the rules' verdict on what the caller typed; reads and writes no record. Submitting
    // goes through PublicSubmissions, which guards it by honeypot, challenge and rate limits.
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Violation> check(PreRegistrationForm form) {
        return violations(form, form.toDraft(patronSettings.defaultResourceSharingLibrary()));
    }

    private List<Violation> violations(PreRegistrationForm form, PatronDraft draft) {
        var errors = new ArrayList<Violation>();
        checkPrivacy(form, errors);
        for (var v :
                patrons.validate(PatronKind.B, draft, PatronRules.Actor.PUBLIC).errors()) {
            errors.add(new Violation(FormFields.of(v.field()), v.code(), v.args()));
        }
        return errors;
    }

    /**
     * Stores a pre-registration: an inactive patron with a new B95 identifier (R-PRE-3), and the
     * confirmation mail is sent after the commit. The identifier is taken in its own short
     * transaction first, so that concurrent submissions do not queue behind each other's storage.
     * The public's submissions come through {@link PublicSubmissions}, which runs the defences
     * against robots first (R-PRE-6).
     *
     * @throws PreRegistrationRejectedException listing every broken rule
     */
    // Anyone: stores only what the rules accept; the page and the API reach it through
    // PublicSubmissions, which guards it by honeypot, challenge and rate limits.
    @PreAuthorize("permitAll()")
    public Submitted submit(PreRegistrationForm form) {
        return submit(form, SubmittedEmail.of(form.email()));
    }

    /** {@link #submit(PreRegistrationForm)} with the e-mail parsed already. */
    Submitted submit(PreRegistrationForm form, SubmittedEmail email) {
        var key = submissionKey(form, email);
        // Plain SQL without a transaction, like the resemblance below: every submission asks.
        var existing = jdbc.query(
                "select patron_identifier, status from pre_registration where submission_key = ?",
                (row, n) -> new Submitted(row.getString(1), PreRegistrationStatus.valueOf(row.getString(2)), true),
                key);
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        var draft = form.toDraft(patronSettings.defaultResourceSharingLibrary());
        var errors = violations(form, draft);
        if (!errors.isEmpty()) {
            throw new PreRegistrationRejectedException(errors);
        }
        // Resemblance is looked up before anything is stored: the new record cannot resemble itself,
        // and no query has to wait for the storage's changes to be flushed first.
        boolean resembles = !duplicates.candidates(draft, -1).isEmpty();
        var identifier = patrons.reservePreRegistrationIdentifier();
        return Objects.requireNonNull(transaction.execute(status -> store(form, draft, key, identifier, resembles)));
    }

    private Submitted store(
            PreRegistrationForm form, PatronDraft draft, String key, PrimaryIdentifier identifier, boolean resembles) {
        PatronDetails patron;
        try {
            patron = patrons.preRegister(identifier, draft);
        } catch (PatronRuleException e) {
            throw new PreRegistrationRejectedException(e.violations().stream()
                    .map(v -> new Violation(FormFields.of(v.field()), v.code(), v.args()))
                    .toList());
        }
        boolean foreign = form.country() != null
                && !form.country().isBlank()
                && !"BE".equalsIgnoreCase(form.country().strip());
        var suspicions = SuspiciousData.of(draft, LocalDate.now(clock), patronSettings.universityDomains());
        var registration = new PreRegistration(
                patron.id(),
                patron.primaryIdentifier(),
                Objects.requireNonNull(form.use()),
                key,
                settings.privacyNoticeVersion(),
                resembles,
                foreign,
                suspicions,
                clock.instant());
        try {
            registrations.saveAndFlush(registration);
        } catch (DataIntegrityViolationException doubleClick) {
            // The same submission committed a moment ago in another request: this transaction
            // rolls back, and the repeated request will find the first entry.
            throw new ConcurrentSubmissionException();
        }
        events.publishEvent(new PreRegistrationSubmitted(registration.getId()));
        log.info(
                "Pre-registration {} stored (possible duplicate: {}, foreign address: {}, suspicious: {})",
                patron.primaryIdentifier(),
                resembles,
                foreign,
                suspicions);
        return new Submitted(patron.primaryIdentifier(), registration.getStatus(), false);
    }

    /** Two identical submissions raced; the second must simply ask again. */
    public static class ConcurrentSubmissionException extends RuntimeException {
        ConcurrentSubmissionException() {
            super("The same submission is being stored");
        }
    }

    /** The result of opening a confirmation link. */
    public enum Confirmation {
        CONFIRMED,
        /** Unknown, expired or already used: the same answer for each, so that nothing is revealed. */
        GONE
    }

    /**
     * R-PRE-4: a valid, unexpired, unused link confirms the e-mail and puts the entry in the queue;
     * every link of the entry is then spent.
     */
    // Anyone: the holder of a confirmation link (R-PRE-4); its 256 random bits are the guard.
    @PreAuthorize("permitAll()")
    @Transactional
    public Confirmation confirm(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Confirmation.GONE;
        }
        var ids = jdbc.queryForList(
                "select pre_registration_id from pre_registration_token " + "where token_hash = ? and expires_at >= ?",
                Long.class,
                hash(token.strip()),
                Timestamp.from(clock.instant()));
        var found = ids.isEmpty() ? Optional.<PreRegistration>empty() : registrations.findById(ids.getFirst());
        if (found.isEmpty() || !found.get().confirm(clock.instant())) {
            return Confirmation.GONE;
        }
        jdbc.update(
                "insert into pre_registration_spent_link (token_hash, pre_registration_id, expires_at, spent_at) "
                        + "select token_hash, pre_registration_id, expires_at, ? from pre_registration_token "
                        + "where pre_registration_id = ?",
                Timestamp.from(clock.instant()),
                found.get().getId());
        jdbc.update(
                "delete from pre_registration_token where pre_registration_id = ?",
                found.get().getId());
        log.info("Pre-registration {} confirmed its e-mail", found.get().getPatronIdentifier());
        return Confirmation.CONFIRMED;
    }

    /**
     * Whether this link confirmed its entry already (R-PRE-4), for the page it opens: it then says
     * so rather than offering the button again. Only the holder of the link — the mail's reader —
     * can learn it; an unknown or expired link learns nothing.
     */
    // Anyone: the holder of a confirmation link (R-PRE-4); an unknown or expired one learns nothing.
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean confirmedAlready(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return jdbc.queryForObject(
                        "select count(*) from pre_registration_spent_link where token_hash = ? "
                                + "and expires_at >= ?",
                        Integer.class,
                        hash(token.strip()),
                        Timestamp.from(clock.instant()))
                > 0;
    }

    /**
     * A new confirmation link for the entry, returned in clear for the mail; only its hash is kept,
     * beside the entry's earlier links, which stay valid until they expire. Committed on its own
     * before the mail leaves: a mail that went out always carries a link that works (R-INT-2).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    String issueToken(long preRegistrationId) {
        var registration = registrations.findById(preRegistrationId).orElseThrow();
        var bytes = new byte[32]; // 256 bits
        random.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update(
                "insert into pre_registration_token (token_hash, pre_registration_id, expires_at, created_at) "
                        + "values (?, ?, ?, ?)",
                hash(token),
                preRegistrationId,
                Timestamp.from(registration.getCreatedAt().plus(settings.unconfirmedRetention())),
                Timestamp.from(clock.instant()));
        return token;
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(ProofOfWork.sha256(token));
    }

    /**
     * Same person, same data: the e-mail, birth date and names in their comparison form; the e-mail
     * in the form the record stores ({@link SubmittedEmail#key()}), as the rate limit counts it.
     */
    static String submissionKey(PreRegistrationForm form, SubmittedEmail email) {
        var text = String.join(
                "|",
                email.key(),
                String.valueOf(form.birthDate()),
                Text.searchKey(form.firstName()),
                Text.searchKey(form.lastName()));
        return HexFormat.of().formatHex(ProofOfWork.sha256(text));
    }

    private void checkPrivacy(PreRegistrationForm form, List<Violation> errors) {
        if (!Boolean.TRUE.equals(form.privacyNoticeAccepted())) {
            errors.add(Violation.of(FormFields.PRIVACY_ACCEPTED, "privacy.not-accepted"));
        }
        if (form.privacyNoticeVersion() == null
                || !settings.privacyNoticeVersion().equals(form.privacyNoticeVersion())) {
            errors.add(Violation.of(FormFields.PRIVACY_VERSION, "privacy.version", settings.privacyNoticeVersion()));
        }
        if (form.use() == null) {
            errors.add(Violation.of(FormFields.USE, "required"));
        }
    }
}
