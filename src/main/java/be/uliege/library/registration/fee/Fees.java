package be.uliege.library.registration.fee;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.security.Roles;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's fees (R-FEE-1…3, R-DESK-6): what a registration costs, cash payments with their
 * receipt, waivers by a manager, and the cash report that closes a desk day.
 *
 * <p>Longer than most services on purpose: every step of a fee's life (charged, paid, waived, used
 * by a registration or a reprint) and the receipt take the same patron lock and numbering, kept in
 * one place so that two desks can never settle one fee twice.
 */
@Service
public class Fees {

    static final ZoneId DESK_ZONE = ZoneId.of("Europe/Brussels");
    private static final int REASON_MAX = 500;

    private final FeeRepository fees;
    private final FeeSettings settings;
    private final PatronSettings patronSettings;
    private final PatronService patrons;
    private final Patrons patronRecords;
    private final PatronHistory history;
    private final PatronLookup lookup;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final CurrentStaff staff;
    private final Clock clock;

    Fees(
            FeeRepository fees,
            FeeSettings settings,
            PatronSettings patronSettings,
            PatronService patrons,
            Patrons patronRecords,
            PatronHistory history,
            PatronLookup lookup,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            CurrentStaff staff,
            Clock clock) {
        this.fees = fees;
        this.settings = settings;
        this.patronSettings = patronSettings;
        this.patrons = patrons;
        this.patronRecords = patronRecords;
        this.history = history;
        this.lookup = lookup;
        this.jdbc = jdbc;
        this.events = events;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * The fees of the registration in progress, charged now if they were not (R-FEE-1): the card
     * for private, non-profit use; the professional yearly fee (card included) for the professional
     * groups. Asking again returns the same fees, never a second charge; while the registration is
     * in force (see {@link #paidRegistration}) nothing is due: none is charged, none returned.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public List<FeeLine> chargeRegistration(long patronId) {
        // Two desks charging at once: the second waits here and then finds the first one's fee.
        lookup.lockForChange(PatronId.of(patronId));
        var patron = patrons.details(patronId);
        var current = fees.findUnusedRegistrationFees(patronId, registrationTypes());
        if (!current.isEmpty()) {
            return current.stream().map(Fee::toLine).toList();
        }
        if (!paidFor(patron).isEmpty()) {
            return List.of();
        }
        var type = settings.professionalGroups().contains(patron.userGroup())
                ? settings.professional()
                : settings.registration();
        var fee = fees.saveAndFlush(
                new Fee(patronId, patron.primaryIdentifier(), type, settings.type(type), staff.uid(), clock.instant()));
        history.recordStep(
                PatronId.of(patronId),
                "fee",
                "charged " + fee.toLine().label() + " " + fee.toLine().amount() + " EUR");
        return List.of(fee.toLine());
    }

    /** The fees of the registration in progress (none charged yet: an empty list). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<FeeLine> registrationFees(long patronId) {
        return fees.findUnusedRegistrationFees(patronId, registrationTypes()).stream()
                .map(Fee::toLine)
                .toList();
    }

    /**
     * The settled fees that paid for the patron's registration in force (R-FEE-1, R-DESK-4): those
     * the latest registration step used, while the patron is active and the expiration date has
     * not passed. Empty when no registration is in force (never registered, expired, deactivated):
     * the next registration is charged. Running the step again meanwhile costs nothing.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<FeeLine> paidRegistration(long patronId) {
        return paidFor(patrons.details(patronId));
    }

    private List<FeeLine> paidFor(PatronDetails patron) {
        if (patron.status() != PatronStatus.ACTIVE || patron.expirationDate().isBefore(LocalDate.now(clock))) {
            return List.of();
        }
        var used = fees.findUsedRegistrationFees(patron.id(), registrationTypes());
        if (used.isEmpty()) {
            return List.of();
        }
        var latest = used.getFirst().getRegistrationId();
        return used.stream()
                .filter(f -> Objects.equals(f.getRegistrationId(), latest))
                .map(Fee::toLine)
                .toList();
    }

    /** Every fee of a patron, latest first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<FeeLine> forPatron(long patronId) {
        return fees.findByPatronIdOrderByCreatedAtDescIdDesc(patronId).stream()
                .map(Fee::toLine)
                .toList();
    }

    /**
     * The operator takes the cash for these fees at their site (R-FEE-2): they become paid, under
     * one receipt number, returned. A fee settled meanwhile by someone else is refused, with who.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public String payCash(List<Long> feeIds, String site) {
        requireSite(site);
        if (feeIds.isEmpty()) {
            throw new IllegalArgumentException("No fee to pay");
        }
        var now = clock.instant();
        var receipt = site + "-"
                + DateTimeFormatter.BASIC_ISO_DATE.format(now.atZone(DESK_ZONE).toLocalDate()) + "-"
                + feeIds.getFirst();
        for (var id : feeIds) {
            var fee = fees.findById(id).orElseThrow(() -> new IllegalArgumentException("No fee " + id));
            fee.pay(staff.uid(), now, site, receipt);
            fees.saveAndFlush(fee);
            history.recordStep(
                    PatronId.of(fee.getPatronId()),
                    "fee",
                    "paid in cash " + fee.toLine().label() + " " + fee.toLine().amount() + " EUR, receipt " + receipt);
        }
        return receipt;
    }

    /** Whether the staff member may waive a fee: a desk manager (R-FEE-1, R-DESK-1). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean mayWaive() {
        return staff.hasRole(Roles.DESK_MANAGER);
    }

    /** A desk manager waives a fee, with its reason (R-FEE-1: asylum seekers, for instance). */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional
    public FeeLine waive(long feeId, String site, String reason) {
        requireSite(site);
        var tidy = Text.tidy(reason);
        if (tidy == null || tidy.isBlank()) {
            throw new IllegalArgumentException("A waiver needs its reason");
        }
        if (tidy.length() > REASON_MAX) {
            tidy = tidy.substring(0, REASON_MAX);
        }
        var fee = fees.findById(feeId).orElseThrow(() -> new IllegalArgumentException("No fee " + feeId));
        fee.waive(staff.uid(), clock.instant(), site, tidy);
        fees.saveAndFlush(fee);
        history.recordStep(
                PatronId.of(fee.getPatronId()), "fee", "waived " + fee.toLine().label() + ": " + tidy);
        return fee.toLine();
    }

    /**
     * Ties the settled fees of the registration in progress to the registration step that uses
     * them, in its transaction; refused while one is open (R-DESK-6).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public void useForRegistration(long patronId, long registrationId) {
        var current = fees.findUnusedRegistrationFees(patronId, registrationTypes());
        var open = current.stream().filter(f -> f.getStatus() == FeeStatus.OPEN).toList();
        if (!open.isEmpty()) {
            throw new FeesDueException(
                    open.stream().map(f -> f.toLine().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        if (current.isEmpty()) {
            throw new FeesDueException(BigDecimal.ZERO); // the fee decision was never made
        }
        current.forEach(f -> f.usedBy(registrationId));
        fees.flush();
    }

    /**
     * The renewal's fee (R-DESK-7, R-FEE-1), charged now if it was not: the professional yearly fee
     * for the professional groups; nothing for private use, and never the card's, which is valid for
     * life (R-CARD-3a). Asking again returns the same fee, never a second charge.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public List<FeeLine> chargeRenewal(long patronId) {
        lookup.lockForChange(PatronId.of(patronId));
        var patron = patrons.details(patronId);
        if (!professional(patron)) {
            return List.of();
        }
        var current = fees.findUnusedRegistrationFees(patronId, List.of(settings.professional()));
        if (!current.isEmpty()) {
            return current.stream().map(Fee::toLine).toList();
        }
        var type = settings.professional();
        var fee = fees.saveAndFlush(
                new Fee(patronId, patron.primaryIdentifier(), type, settings.type(type), staff.uid(), clock.instant()));
        history.recordStep(
                PatronId.of(patronId),
                "fee",
                "charged " + fee.toLine().label() + " " + fee.toLine().amount() + " EUR (renewal)");
        return List.of(fee.toLine());
    }

    /** The renewal's fees not used yet: the professional yearly fee once charged, none for private use. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<FeeLine> renewalFees(long patronId) {
        return fees.findUnusedRegistrationFees(patronId, List.of(settings.professional())).stream()
                .map(Fee::toLine)
                .toList();
    }

    /** Whether the patron's renewal costs the professional yearly fee (R-FEE-1): the professional groups. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public boolean renewalCostsTheYearlyFee(long patronId) {
        return professional(patrons.details(patronId));
    }

    /**
     * Ties the renewal's settled fee to it, in its transaction (R-DESK-7): refused while it is open,
     * or when a professional patron's yearly fee was never charged; a private renewal has none.
     *
     * @throws FeesDueException with the total due (0 when the fee was never charged)
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public void useForRenewal(long patronId, long registrationId) {
        var patron = patrons.details(patronId);
        var current = fees.findUnusedRegistrationFees(patronId, List.of(settings.professional()));
        var open = current.stream().filter(f -> f.getStatus() == FeeStatus.OPEN).toList();
        if (!open.isEmpty()) {
            throw new FeesDueException(
                    open.stream().map(f -> f.toLine().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        if (professional(patron) && current.isEmpty()) {
            throw new FeesDueException(BigDecimal.ZERO);
        }
        current.forEach(f -> f.usedBy(registrationId));
        fees.flush();
    }

    /** Whether a user group is one of the professional groups, which pay the yearly fee (R-FEE-1). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean isProfessional(String userGroup) {
        return settings.professionalGroups().contains(userGroup);
    }

    /**
     * Whether moving the patron to this group costs the professional yearly fee now: from private
     * to professional use while the registration is in force (R-FEE-1).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public boolean changeOfUseCostsTheYearlyFee(long patronId, String newGroup) {
        return costsTheYearlyFee(patrons.details(patronId), newGroup);
    }

    /**
     * The fee a change of use costs now (R-FEE-1), charged if it was not: the professional yearly
     * fee when a patron whose registration is in force moves from private to professional use;
     * nothing otherwise (the next registration or renewal charges by the new group). Asking again
     * returns the same fee.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public List<FeeLine> chargeChangeOfUse(long patronId, String newGroup) {
        lookup.lockForChange(PatronId.of(patronId));
        var patron = patrons.details(patronId);
        if (!costsTheYearlyFee(patron, newGroup)) {
            return List.of();
        }
        var current = fees.findUnusedRegistrationFees(patronId, List.of(settings.professional()));
        if (!current.isEmpty()) {
            return current.stream().map(Fee::toLine).toList();
        }
        var type = settings.professional();
        var fee = fees.saveAndFlush(
                new Fee(patronId, patron.primaryIdentifier(), type, settings.type(type), staff.uid(), clock.instant()));
        history.recordStep(
                PatronId.of(patronId),
                "fee",
                "charged " + fee.toLine().label() + " " + fee.toLine().amount() + " EUR (change of use)");
        return List.of(fee.toLine());
    }

    /**
     * Settles the fees of a change of use, in its transaction (R-FEE-1). Private → professional while
     * the registration is in force: the yearly fee must be paid or waived, and then belongs to the
     * registration in force. Otherwise the fees charged for a registration or renewal not done yet
     * were charged for the old use: open ones are cancelled (the next step charges by the new
     * group), and one already settled stops the change (run that step first).
     *
     * @throws FeesDueException when the yearly fee is open (its total) or was never charged (0)
     * @throws PatronRuleException when a settled fee awaits its registration step
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public void useForChangeOfUse(long patronId, String newGroup) {
        var patron = patrons.details(patronId);
        var unused = fees.findUnusedRegistrationFees(patronId, registrationTypes());
        if (costsTheYearlyFee(patron, newGroup)) {
            var open =
                    unused.stream().filter(f -> f.getStatus() == FeeStatus.OPEN).toList();
            if (!open.isEmpty()) {
                throw new FeesDueException(
                        open.stream().map(f -> f.toLine().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            if (unused.isEmpty()) {
                throw new FeesDueException(BigDecimal.ZERO);
            }
            var registration = fees.findUsedRegistrationFees(patronId, registrationTypes())
                    .getFirst()
                    .getRegistrationId();
            unused.forEach(f -> f.usedBy(Objects.requireNonNull(registration)));
            fees.flush();
            return;
        }
        if (unused.stream().anyMatch(f -> f.getStatus() != FeeStatus.OPEN)) {
            throw new PatronRuleException(Violation.of("userGroup", "change-of-use.fee-settled"));
        }
        for (var fee : unused) {
            history.recordStep(
                    PatronId.of(patronId),
                    "fee",
                    "cancelled " + fee.toLine().label() + " " + fee.toLine().amount() + " EUR (change of use)");
            fees.delete(fee);
        }
        fees.flush();
    }

    private boolean costsTheYearlyFee(PatronDetails patron, String newGroup) {
        return !professional(patron)
                && isProfessional(newGroup)
                && !paidFor(patron).isEmpty();
    }

    private boolean professional(PatronDetails patron) {
        return settings.professionalGroups().contains(patron.userGroup());
    }

    /**
     * The replacement fee of the reprint in progress (R-CARD-4, R-FEE-2), charged now if it was
     * not: a card lost, damaged or reprinted with a new photo costs "Library Card Replacement"; a
     * defective card is replaced free and needs none. Asking again returns the same fee until a
     * printed card uses it, never a second charge.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public FeeLine chargeCardReplacement(long patronId) {
        // Two desks charging at once: the second waits here and then finds the first one's fee.
        lookup.lockForChange(PatronId.of(patronId));
        var current = fees.findUnusedCardFees(patronId, settings.replacement());
        if (!current.isEmpty()) {
            return current.getFirst().toLine();
        }
        var patron = patrons.details(patronId);
        var fee = fees.saveAndFlush(new Fee(
                patronId,
                patron.primaryIdentifier(),
                settings.replacement(),
                settings.type(settings.replacement()),
                staff.uid(),
                clock.instant()));
        history.recordStep(
                PatronId.of(patronId),
                "fee",
                "charged " + fee.toLine().label() + " " + fee.toLine().amount() + " EUR");
        return fee.toLine();
    }

    /** The replacement fee of the reprint in progress, if it was charged (R-CARD-4). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Optional<FeeLine> cardReplacementFee(long patronId) {
        return fees.findUnusedCardFees(patronId, settings.replacement()).stream()
                .findFirst()
                .map(Fee::toLine);
    }

    /** What a card replacement costs, as configured (R-CARD-4). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public FeeSettings.FeeType cardReplacementType() {
        return settings.type(settings.replacement());
    }

    /**
     * Ties the settled replacement fee to the card printed with it, in the printing's transaction;
     * refused while it is open or when none was charged (R-CARD-4: pay before the reprint).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public void useForCardReplacement(long patronId, long cardId) {
        var current = fees.findUnusedCardFees(patronId, settings.replacement());
        if (current.isEmpty()) {
            throw new FeesDueException(BigDecimal.ZERO); // never charged
        }
        var fee = current.getFirst();
        if (fee.getStatus() == FeeStatus.OPEN) {
            throw new FeesDueException(fee.toLine().amount());
        }
        fee.paysForCard(cardId);
        fees.flush();
    }

    /** The receipt of a payment, to print or to mail (R-FEE-2). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public byte[] receiptPdf(String receiptNumber, Locale language) {
        return ReceiptPdf.render(receipt(receiptNumber, language));
    }

    /** Mails the receipt to the patron, after the commit and retried if the mail server is down. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public void mailReceipt(String receiptNumber) {
        var lines = fees.findByReceiptNumberOrderById(receiptNumber);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("No receipt " + receiptNumber);
        }
        events.publishEvent(
                new ReceiptMailRequested(receiptNumber, lines.getFirst().getPatronId()));
        history.recordStep(PatronId.of(lines.getFirst().getPatronId()), "receipt", "mailed " + receiptNumber);
    }

    ReceiptPdf.Receipt receipt(String receiptNumber, Locale language) {
        var fees = this.fees.findByReceiptNumberOrderById(receiptNumber);
        if (fees.isEmpty()) {
            throw new IllegalArgumentException("No receipt " + receiptNumber);
        }
        var first = fees.getFirst();
        var lines = fees.stream().map(Fee::toLine).toList();
        var paid = lines.getFirst();
        var name = patronRecords
                .mailRecipient(PatronId.of(first.getPatronId()))
                .map(r -> r.firstName() + " " + r.lastName())
                .orElse("");
        var siteName = patronSettings.sites().stream()
                .filter(s -> s.code().equals(paid.site()))
                .map(PatronSettings.Site::name)
                .findFirst()
                .orElse(String.valueOf(paid.site()));
        return new ReceiptPdf.Receipt(
                receiptNumber,
                paid.settledAt(),
                String.valueOf(paid.settledBy()),
                siteName,
                first.getPatronIdentifier(),
                name,
                lines.stream()
                        .map(l -> new ReceiptPdf.Receipt.Line(
                                l.label(), l.amount(), l.status() == FeeStatus.WAIVED, l.waiverReason()))
                        .toList(),
                language);
    }

    /** A line of the cash report: one operator, one site, one fee type, on one day. */
    public record CashLine(String operator, String site, String label, FeeStatus status, int count, BigDecimal total) {}

    /**
     * The cash report of a desk day (R-FEE-3): per operator and site, the count and total by fee
     * type, paid and waived apart (a waiver brings no cash). All sites when {@code site} is null.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<CashLine> cashReport(LocalDate day, @Nullable String site) {
        var from = Timestamp.from(day.atStartOfDay(DESK_ZONE).toInstant());
        var to = Timestamp.from(day.plusDays(1).atStartOfDay(DESK_ZONE).toInstant());
        var arguments = new ArrayList<Object>(List.of(from, to));
        var sql = new StringBuilder("""
                select settled_by, site, label, status, count(*), sum(case when status = 'PAID' then amount else 0 end)
                from fee where settled_at >= ? and settled_at < ? and status in ('PAID', 'WAIVED')""");
        if (site != null) {
            sql.append(" and site = ?");
            arguments.add(site);
        }
        sql.append(" group by settled_by, site, label, status order by settled_by, site, status, label");
        return jdbc.query(
                sql.toString(),
                (row, n) -> new CashLine(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        FeeStatus.valueOf(row.getString(4)),
                        row.getInt(5),
                        row.getBigDecimal(6)),
                arguments.toArray());
    }

    private List<String> registrationTypes() {
        return List.of(settings.registration(), settings.professional());
    }

    private void requireSite(String site) {
        if (patronSettings.sites().stream().noneMatch(s -> s.code().equals(site))) {
            throw new IllegalArgumentException("Unknown site " + site);
        }
    }
}
