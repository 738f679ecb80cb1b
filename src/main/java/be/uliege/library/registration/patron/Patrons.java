package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.mail.LibraryMailer;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.identifier.IdentifierRange;
import be.uliege.library.registration.patron.identifier.IdentifierSequences;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import be.uliege.library.registration.patron.internal.PatronRepository;
import be.uliege.library.registration.security.Roles;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patron record for the other features and the jobs, not for the desk: a public
 * pre-registration (R-PRE-3) and its deletion (R-PRE-4), a record with a known identifier (the
 * nightly load, the demo data), the rules' verdict on a form, and who a mail goes to. Each method
 * says who may call it: the system principal, a staff member, or anyone for the public form's own
 * steps, which the pre-registration feature guards (challenge, rate limits).
 */
@Service
public class Patrons {

    private final PatronRepository patrons;
    private final PatronStore store;
    private final PatronHistory history;
    private final PatronRules rules;
    private final IdentifierSequences sequences;
    private final PatronSettings settings;

    Patrons(
            PatronRepository patrons,
            PatronStore store,
            PatronHistory history,
            PatronRules rules,
            IdentifierSequences sequences,
            PatronSettings settings) {
        this.patrons = patrons;
        this.store = store;
        this.history = history;
        this.rules = rules;
        this.sequences = sequences;
        this.settings = settings;
    }

    /**
     * Creates a record with a known identifier: the university's people from the nightly load, and
     * the embedded defaults' demo data. Not for the desk, which gets its identifiers from the
     * sequences.
     */
    @PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
    @Transactional
    public PatronDetails createWithIdentifier(
            String identifier, PatronDraft draft, PatronStatus status, PatronRules.Actor actor) {
        var primary = PrimaryIdentifier.parse(identifier, settings);
        if (patrons.isIdentifierTaken(primary.value())) {
            throw new PatronRuleException(Violation.of("primaryIdentifier", "identifier.taken", primary.value()));
        }
        var checked = rules.check(draft, primary.kind(), actor);
        return PatronDetails.of(store.create(primary, checked, status));
    }

    /**
     * A public pre-registration (R-PRE-3): an inactive B patron with a new identifier from the B95
     * range, checked by the same rules as at the desk, as typed by the public (no printer address,
     * R-CON-3). Anonymous by design: the pre-registration feature is its only caller and guards it
     * (challenge, rate limits).
     */
    // Anyone: the public form's own step, guarded by its feature (challenge, rate limits, honeypot).
    @PreAuthorize("permitAll()")
    @Transactional
    public PatronDetails preRegister(PrimaryIdentifier identifier, PatronDraft draft) {
        var range = settings.identifierRanges().preRegistration();
        long number = Long.parseLong(identifier.value().substring(1));
        if (identifier.kind() != PatronKind.B || number < range.from() || number > range.to()) {
            throw new IllegalArgumentException("Not a pre-registration identifier: " + identifier);
        }
        var checked = rules.check(draft, PatronKind.B, PatronRules.Actor.PUBLIC);
        return PatronDetails.of(store.create(identifier, checked, PatronStatus.INACTIVE));
    }

    /**
     * Takes the next B95 identifier at once, in its own short transaction (R-ID-3), before the
     * pre-registration is stored; must be called outside any transaction.
     */
    // Anyone: the public form's own step, guarded by its feature (challenge, rate limits, honeypot).
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.NEVER)
    public PrimaryIdentifier reservePreRegistrationIdentifier() {
        return sequences.reserve(PatronKind.B, IdentifierRange.PRE_REGISTRATION);
    }

    /**
     * Every broken rule of a draft, without saving anything, so that a form can say, field by field,
     * what to fix (R-PRE-2); warnings (a foreign address) are included with their own codes.
     */
    // Anyone: the rules' verdict on what the caller typed; reads and writes no record.
    @PreAuthorize("permitAll()")
    public Validation validate(PatronKind kind, PatronDraft draft, PatronRules.Actor actor) {
        try {
            return new Validation(List.of(), rules.check(draft, kind, actor).warnings());
        } catch (PatronRuleException e) {
            return new Validation(e.violations(), List.of());
        }
    }

    /** The outcome of {@link #validate}: errors block a save, warnings do not. */
    public record Validation(List<Violation> errors, List<Violation> warnings) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /**
     * Deletes a pre-registered record that was never validated (R-PRE-4), with its history: only
     * an inactive B record from the B95 range, so that no other record can be deleted this way.
     * Its identifier is never issued again (R-ID-3).
     */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    @Transactional
    public boolean deletePreRegistered(long id) {
        var patron = patrons.findById(id).orElse(null);
        if (patron == null) {
            return false;
        }
        var range = settings.identifierRanges().preRegistration();
        long number = patron.getKind() == PatronKind.B
                ? Long.parseLong(patron.getPrimaryIdentifier().substring(1))
                : -1;
        if (patron.getStatus() != PatronStatus.INACTIVE || number < range.from() || number > range.to()) {
            throw new IllegalStateException("Only inactive pre-registered records can be deleted here");
        }
        patrons.delete(patron);
        history.forget(id);
        return true;
    }

    /** Who a mail goes to: the address letters use (R-EXT-2), the language and the salutation. */
    public record MailRecipient(
            String identifier,
            String email,
            @Nullable Language language,
            @Nullable Gender gender,
            String firstName,
            String lastName) {

        /** The mail's addressee: French when no language is known; Madame, Monsieur or neutral (R-REC-1). */
        public LibraryMailer.Recipient toMail() {
            var salutation = gender == Gender.F
                    ? LibraryMailer.Salutation.MADAME
                    : gender == Gender.M ? LibraryMailer.Salutation.MONSIEUR : LibraryMailer.Salutation.NEUTRAL;
            return new LibraryMailer.Recipient(
                    email, language == null ? Locale.FRENCH : language.locale(), salutation, lastName);
        }
    }

    /**
     * The recipient of a mail to the patron, for the features that send mails from their event
     * listeners (no signed-in user there).
     */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    @Transactional(readOnly = true)
    public Optional<MailRecipient> mailRecipient(PatronId id) {
        return patrons.findById(id.value())
                .flatMap(p -> p.preferred(ContactKind.EMAIL)
                        .map(email -> new MailRecipient(
                                p.getPrimaryIdentifier(),
                                email.getValue(),
                                p.getPreferredLanguage(),
                                p.getGender(),
                                p.getFirstName(),
                                p.getLastName())));
    }

    /** The number of patron records. */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    @Transactional(readOnly = true)
    public long count() {
        return patrons.count();
    }
}
