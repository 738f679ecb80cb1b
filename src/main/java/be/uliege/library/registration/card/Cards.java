package be.uliege.library.registration.card;

import static be.uliege.library.registration.card.internal.Card.printed;
import static be.uliege.library.registration.card.internal.Card.printedActivated;

import be.uliege.library.registration.base.ClientNetworks;
import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.card.internal.CardRepository;
import be.uliege.library.registration.card.internal.PatronPhoto;
import be.uliege.library.registration.card.internal.PatronPhotoRepository;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.security.Roles;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patron cards (R-CARD-3…5): printing a card with a new 4-digit activation code, the patron's
 * online activation with that code, and the back-off that stops guessing ({@link ActivationBackoff},
 * docs/decisions/0008-card-activation-backoff.md). A code is shown once, on the printed card and its
 * letter; only its HMAC under the server's secret is stored, compared in constant time. A reprint
 * replaces the card, and its code: the old one no longer works.
 *
 * <p>Longer than most services on purpose: the card's whole life (printed with its reprint rules,
 * photo, activated at the desk or online with its back-off) shares the card's row lock and the
 * activation code's hashing.
 */
@Service
public class Cards {

    private static final Logger log = LoggerFactory.getLogger(Cards.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CardRepository cards;
    private final CurrentStaff staff;
    private final PatronPhotoRepository photos;
    private final PatronService patrons;
    private final PatronHistory history;
    private final CardSettings settings;
    private final ActivationLimiter limiter;
    private final ActivationBackoff backoff;
    private final Clock clock;
    private final ActivationCodes codes;

    private final Fees fees;
    private final PatronLookup lookup;

    Cards(
            CardRepository cards,
            PatronPhotoRepository photos,
            PatronService patrons,
            PatronHistory history,
            PatronLookup lookup,
            Fees fees,
            CardSettings settings,
            ActivationLimiter limiter,
            ActivationBackoff backoff,
            Clock clock,
            ActivationCodes codes,
            CurrentStaff staff) {
        this.staff = staff;
        this.backoff = backoff;
        this.codes = codes;
        this.fees = fees;
        this.cards = cards;
        this.photos = photos;
        this.patrons = patrons;
        this.history = history;
        this.lookup = lookup;
        this.settings = settings;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Where a card stands. */
    public enum Status {
        /** Printed; waits for the patron to activate it online. */
        PRINTED,
        /** Activated (online, or printed already activated). */
        ACTIVE,
        /** Replaced by a reprint: its code no longer works. */
        REPLACED
    }

    /** Why a card was printed (R-CARD-4). */
    public enum Reason {
        FIRST,
        LOST,
        DAMAGED,
        DEFECTIVE_CHIP,
        NEW_PHOTO;

        /** A reprint costs the replacement fee, except for a defective card (R-CARD-4, R-FEE-2). */
        public boolean paid() {
            return this != FIRST && this != DEFECTIVE_CHIP;
        }
    }

    /** How it is printed (R-CARD-4): with its letter and code, or already activated (some sites). */
    public enum Printing {
        CARD_AND_LETTER,
        ALREADY_ACTIVATED
    }

    /**
     * A patron's current card, for staff, with the online activation's back-off for the patron's
     * identifier (R-CARD-5): the wrong codes counted from every network, and until when a try waits.
     */
    public record Card(
            long id,
            Status status,
            Reason reason,
            String site,
            String printedBy,
            Instant printedAt,
            @Nullable Instant activatedAt,
            int failedAttempts,
            @Nullable Instant delayedUntil) {

        /** Online activation waits (from some network at least) until {@link #delayedUntil()}. */
        public boolean delayed() {
            return delayedUntil != null;
        }
    }

    /** An alert for the desk: many identifiers got wrong activation codes within the alert window (R-CARD-5). */
    public record ActivationAlert(Instant raisedAt, int identifiers) {}

    /** A card just printed: what to print, with the code in clear this once. */
    public record Printed(long cardId, CardPrint print) {}

    /** The outcome of an activation attempt, as the public sees it (R-CARD-5). */
    public enum Outcome {
        ACTIVATED,
        /** The right code for a card activated already: nothing changes. */
        ALREADY_ACTIVE,
        /** The identifier and the code do not go together — the same answer whether the card exists or not. */
        WRONG
    }

    /** The patron's current card (the latest not replaced), if any. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Optional<Card> current(long patronId) {
        var identifier = lookup.primaryIdentifier(PatronId.of(patronId));
        if (identifier.isEmpty()) {
            return Optional.empty();
        }
        var state = backoff.state(identifier.get());
        return cards.findCurrent(patronId)
                .map(card -> new Card(
                        card.getId(),
                        card.getStatus(),
                        card.getReason(),
                        card.getSite(),
                        card.getPrintedBy(),
                        card.getPrintedAt(),
                        card.getActivatedAt(),
                        state.failures(),
                        state.delayedUntil()));
    }

    /**
     * Every card printed for the patron, the latest first (R-CARD-3, R-CARD-4): the current one and
     * those its reprints replaced, each with who printed it, when, where and why.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<Card> all(long patronId) {
        return cards.findByPatronIdOrderByIdDesc(patronId).stream()
                .map(card -> new Card(
                        card.getId(),
                        card.getStatus(),
                        card.getReason(),
                        card.getSite(),
                        card.getPrintedBy(),
                        card.getPrintedAt(),
                        card.getActivatedAt(),
                        0,
                        null))
                .toList();
    }

    /**
     * Prints a card for an external patron (R-CARD-3, R-CARD-4): a new card, replacing the current
     * one (and its code) if any, with a new 4-digit code — or none when printed already activated,
     * which only the configured sites may do. The first card's reason is {@link Reason#FIRST}; a
     * reprint names why, and one that {@linkplain Reason#paid() costs} the replacement fee needs it
     * paid or waived first. Reprints are a desk manager's (R-DESK-1).
     *
     * @throws FeesDueException when the replacement fee is open, or was never charged (total 0)
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "') and (#reason.name() == 'FIRST' or hasRole('"
            + Roles.DESK_MANAGER + "'))")
    @Transactional
    public Printed print(long patronId, String site, Reason reason, Printing printing) {
        var patron = patrons.details(patronId);
        if (!patron.kind().isExternal() || patron.kind() == PatronKind.BX) {
            throw new PatronRuleException(Violation.of("kind", "card.external-only"));
        }
        if (printing == Printing.ALREADY_ACTIVATED
                && !settings.activatedPrintingSites().contains(site)) {
            throw new PatronRuleException(Violation.of("printing", "card.activated-printing-site", site));
        }
        var current = cards.lockNotReplaced(patronId);
        var replaced = current.stream().map(c -> c.getId()).toList();
        if (replaced.isEmpty() != (reason == Reason.FIRST)) {
            throw new PatronRuleException(
                    Violation.of("reason", replaced.isEmpty() ? "card.first-card" : "card.reprint-reason-required"));
        }
        current.forEach(c -> c.replace());
        var activated = printing == Printing.ALREADY_ACTIVATED;
        var by = staff.uid();
        var now = clock.instant();
        var card = cards.save(
                activated
                        ? printedActivated(patronId, reason, site, by, now)
                        : printed(patronId, reason, site, by, now));
        long cardId = card.getId();
        if (reason.paid()) {
            fees.useForCardReplacement(patronId, cardId);
        }
        String code = null;
        if (!activated) {
            code = String.format("%04d", RANDOM.nextInt(10_000));
            card.issueCode(hash(cardId, code));
        }
        history.recordStep(
                PatronId.of(patronId),
                "card",
                (reason == Reason.FIRST ? "printed" : "reprinted (" + reason + ")")
                        + " at " + site + (activated ? ", already activated" : ", activation code issued")
                        + (replaced.isEmpty() ? "" : ", card " + replaced + " replaced"));
        byte[] photo = storedPhoto(patronId).orElse(null);
        return new Printed(
                cardId,
                new CardPrint(
                        patron.primaryIdentifier(),
                        patron.firstName(),
                        patron.lastName(),
                        photo,
                        code,
                        patron.gender(),
                        patron.preferredLanguage(),
                        addressLines(patron),
                        settings.activationUrl(),
                        settings.maxFailedAttempts()));
    }

    /** Where a photo came from (R-CARD-1). */
    public enum PhotoSource {
        CAMERA,
        UPLOAD
    }

    /** The patron's photo at card resolution, if one was associated. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Optional<byte[]> photo(long patronId) {
        return storedPhoto(patronId);
    }

    private Optional<byte[]> storedPhoto(long patronId) {
        return photos.findById(patronId).map(PatronPhoto::getJpeg);
    }

    /**
     * Associates a framed photo with a patron (R-CARD-1, R-CARD-2). The operator names the
     * identifier they see on the screen: a photo never lands on another patron's record because a
     * screen was stale. The photo must be a frame made by {@link PhotoImages#frame}.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public void associatePhoto(long patronId, String shownIdentifier, byte[] framedJpeg, PhotoSource source) {
        var patron = patrons.details(patronId);
        if (!patron.primaryIdentifier().equals(shownIdentifier)) {
            throw new PatronRuleException(Violation.of("photo", "card.photo-other-patron", patron.primaryIdentifier()));
        }
        var checked = PhotoImages.check(framedJpeg);
        if (checked.width() != CardPhoto.WIDTH || checked.height() != CardPhoto.HEIGHT) {
            throw new IllegalArgumentException("Not a card frame: " + checked.width() + "×" + checked.height());
        }
        // Two desks associating a photo with one patron take turns on the patron's row.
        lookup.lockForChange(PatronId.of(patronId));
        var by = staff.uid();
        var at = clock.instant();
        photos.findById(patronId)
                .ifPresentOrElse(
                        photo -> photo.replaceWith(framedJpeg, source, by, at),
                        () -> photos.save(PatronPhoto.taken(patronId, framedJpeg, source, by, at)));
        history.recordStep(
                PatronId.of(patronId), "photo", "associated (" + source.name().toLowerCase(Locale.ROOT) + ")");
    }

    /**
     * Staff lift the activation back-off of the patron's identifier (R-CARD-5), from every network:
     * the patron may try their code again at once.
     *
     * @return whether there was anything to lift
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public boolean unlock(long patronId) {
        boolean changed = backoff.clear(patrons.details(patronId).primaryIdentifier());
        if (changed) {
            history.recordStep(PatronId.of(patronId), "card", "activation back-off lifted");
        }
        return changed;
    }

    /**
     * The desk activates the patron's printed card (R-CARD-5), the patron being there with the card:
     * no code needed, whatever the online back-off says.
     *
     * @throws PatronRuleException when the patron has no card waiting for activation
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public void activateAtDesk(long patronId) {
        var card = cards.lockCurrent(patronId)
                .filter(c -> c.getStatus() == Status.PRINTED)
                .orElseThrow(() -> new PatronRuleException(Violation.of("card", "card.not-printed")));
        card.activate(clock.instant());
        history.recordStep(PatronId.of(patronId), "card", "activated at the desk by " + staff.uid());
    }

    /** The latest alert of many identifiers getting wrong codes, raised within the last day, if any (R-CARD-5). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Optional<ActivationAlert> activationAlert() {
        return backoff.latestAlert(clock.instant().minus(Duration.ofDays(1)))
                .map(a -> new ActivationAlert(a.raisedAt(), a.identifiers()));
    }

    /**
     * A patron activates their card online (R-CARD-5). Anyone may call it: the client's tries are
     * limited (per address and network), and the identifier as typed backs off after too many wrong
     * codes, from one network and from all together — never a permanent lock, and the same answers
     * whether the identifier exists or not. While it waits, no code is examined, the right one
     * included. Every examined attempt is logged — the outcome, the client, never the code.
     *
     * @throws ActivationDelayedException while the identifier waits (for this network or for all)
     * @throws TooManyActivationAttemptsException when the client is over its limit
     */
    // Anyone: the patron's own online activation (R-CARD-5), guarded by the back-off and the limiter.
    @PreAuthorize("permitAll()")
    @Transactional(noRollbackFor = ActivationDelayedException.class)
    public Outcome activate(@Nullable String identifier, @Nullable String code, String client) {
        limiter.acquire(client);
        var id = identifier == null ? "" : identifier.strip().toUpperCase(Locale.ROOT);
        var typed = code == null ? "" : code.strip();
        var keys = backoff.keys(id, client);
        long wait = backoff.check(keys);
        if (wait > 0) {
            log.debug("Card activation attempt delayed for {} s", wait);
            throw new ActivationDelayedException(wait);
        }
        boolean wellFormed = id.matches("[A-Z]{1,2}\\d{6}") && typed.matches("\\d{4}");
        Optional<PatronId> patron = wellFormed ? lookup.byPrimaryIdentifier(id) : Optional.empty();
        var guessed = patron.map(PatronId::value).flatMap(cards::lockCurrent);
        Outcome outcome;
        if (guessed.isEmpty()) {
            hash(0, typed); // the same work as for a card that exists
            outcome = Outcome.WRONG;
        } else {
            var card = guessed.get();
            if (card.codeMatches(hash(card.getId(), typed))) {
                outcome = card.getStatus() == Status.ACTIVE ? Outcome.ALREADY_ACTIVE : Outcome.ACTIVATED;
                if (outcome == Outcome.ACTIVATED) {
                    card.activate(clock.instant());
                    // The patron's own step, anonymous: the history records it as the system's.
                    SystemPrincipal.run(
                            () -> history.recordStep(PatronId.of(card.getPatronId()), "card", "activated online"));
                }
            } else {
                outcome = Outcome.WRONG;
            }
        }
        if (outcome == Outcome.WRONG) {
            backoff.failed(keys);
        }
        // The client's network only (/24, /48): enough to see an attack, not who tried.
        log.info(
                "Card activation attempt for {} from network {}: {}",
                wellFormed ? id : "a malformed identifier",
                ClientNetworks.of(client).replaceAll("[^0-9A-Fa-f:.]", "?"),
                outcome);
        return outcome;
    }

    private String hash(long cardId, String code) {
        return codes.hash(cardId, code);
    }

    /** The letter's address: the one letters use, else the first (R-EXT-2); the country in French words. */
    private static List<String> addressLines(PatronDetails patron) {
        return patron.contacts().stream()
                .filter(c -> c.address() != null && c.usedForLetters())
                .findFirst()
                .or(() -> patron.contacts().stream()
                        .filter(c -> c.address() != null)
                        .findFirst())
                .map(c -> c.address().letterLines(Locale.FRENCH))
                .orElse(List.of());
    }
}
