package be.uliege.library.registration.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-FEE-1 on the real embedded MariaDB: a B patron's change of use moves the group and the fee.
 * Private → professional while the registration is in force costs the yearly fee, settled before
 * anything changes; the other way costs nothing; a fee charged for a step not done yet follows the
 * new use.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class ChangesOfUseIT {

    static final String PRIVATE = "Extérieur";
    static final String PROFESSIONAL = "Société, entreprise, profession juridique";

    @Autowired
    ChangesOfUse changes;

    @Autowired
    RegistrationStep step;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    PatronService patrons;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    private long registered(String first, String last) {
        var id = DeskFixtures.readyForRegistration(registrations, jdbc, validation, patrons, fees, first, last);
        step.register(id, patrons.details(id).version(), "ALP");
        return id;
    }

    private static PatronDraft professional(PatronDetails patron, String category, String description) {
        var d = patron.draft();
        return new PatronDraft(
                d.firstName(),
                d.lastName(),
                d.gender(),
                d.birthDate(),
                d.preferredLanguage(),
                PROFESSIONAL,
                category,
                description,
                d.resourceSharingLibrary(),
                null,
                null,
                d.contacts());
    }

    private long feeCount(long id) {
        return jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, id);
    }

    @Test
    @DisplayName("R-FEE-1: private → professional while registered costs 50 €, paid first; unpaid, nothing changes")
    void rFee1_toProfessionalWhileRegistered_costsTheYearlyFee_paidBeforeTheChange() {
        var id = registered("Chidi", "Okonkwo-Avocat");
        var before = patrons.details(id);
        var draft = professional(before, "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE", "Cabinet Okonkwo & Associés");
        assertThat(fees.changeOfUseCostsTheYearlyFee(id, PROFESSIONAL)).isTrue();
        assertThat(changes.isChangeOfUse(before, draft)).isTrue();

        assertThatThrownBy(() -> changes.change(id, before.version(), draft))
                .as("the fee was never charged")
                .isInstanceOfSatisfying(
                        FeesDueException.class, e -> assertThat(e.total()).isZero());
        var charged = changes.fee(id, PROFESSIONAL);
        assertThat(charged)
                .singleElement()
                .satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("50.00"));
        assertThat(changes.fee(id, PROFESSIONAL))
                .as("asked again: the same fee, never a second")
                .extracting(FeeLine::id)
                .containsExactly(charged.getFirst().id());
        assertThatThrownBy(() -> changes.change(id, before.version(), draft))
                .isInstanceOfSatisfying(
                        FeesDueException.class,
                        e -> assertThat(e.total()).isEqualByComparingTo(new BigDecimal("50.00")));
        var unchanged = patrons.details(id);
        assertThat(unchanged.userGroup()).isEqualTo(PRIVATE);
        assertThat(unchanged.version()).isEqualTo(before.version());

        fees.payCash(charged.stream().map(FeeLine::id).toList(), "ALP");
        var changed = changes.change(id, before.version(), draft);
        assertThat(changed.userGroup()).isEqualTo(PROFESSIONAL);
        assertThat(changed.jobDescription()).isEqualTo("Cabinet Okonkwo & Associés");
        assertThat(changed.expirationDate()).as("the dates stay").isEqualTo(before.expirationDate());
        assertThat(jdbc.queryForObject(
                        "select registration_id from fee where id = ?",
                        Long.class,
                        charged.getFirst().id()))
                .as("the fee belongs to the registration in force, not to the next renewal")
                .isNotNull();
        assertThat(fees.renewalFees(id)).isEmpty();
        assertThat(fees.changeOfUseCostsTheYearlyFee(id, PROFESSIONAL)).isFalse();
    }

    @Test
    @DisplayName("R-FEE-1, R-GRP-3: a professional description is required; refused, the fee paid stays unused")
    void rGrp3_theProfessionalDescriptionIsRequired_andARefusalChangesNothing() {
        var id = registered("Siobhan", "O'Sullivan-Pharma");
        var before = patrons.details(id);
        var charged = changes.fee(id, PROFESSIONAL);
        fees.payCash(charged.stream().map(FeeLine::id).toList(), "ALP");
        assertThatThrownBy(() -> changes.change(
                        id, before.version(), professional(before, "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE", "")))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations())
                                .anySatisfy(v -> assertThat(v.field()).isEqualTo("jobDescription")));
        assertThat(patrons.details(id).userGroup()).isEqualTo(PRIVATE);
        assertThat(jdbc.queryForObject(
                        "select registration_id from fee where id = ?",
                        Long.class,
                        charged.getFirst().id()))
                .as("rolled back with the refusal")
                .isNull();
    }

    @Test
    @DisplayName("R-FEE-1: professional → private costs nothing; the paid yearly fee stays paid")
    void rFee1_toPrivate_costsNothing() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Wei", "Zhang-Conseil", Use.PROFESSIONAL);
        var record = patrons.details(entry.patronId());
        validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.PASSPORT);
        var charged = fees.chargeRegistration(entry.patronId());
        fees.payCash(charged.stream().map(FeeLine::id).toList(), "ALP");
        step.register(entry.patronId(), patrons.details(entry.patronId()).version(), "ALP");
        var before = patrons.details(entry.patronId());
        long feesBefore = feeCount(before.id());

        var d = before.draft();
        var draft = new PatronDraft(
                d.firstName(),
                d.lastName(),
                d.gender(),
                d.birthDate(),
                d.preferredLanguage(),
                PRIVATE,
                "retraité",
                null,
                d.resourceSharingLibrary(),
                null,
                null,
                d.contacts());
        assertThat(fees.changeOfUseCostsTheYearlyFee(before.id(), PRIVATE)).isFalse();
        var changed = changes.change(before.id(), before.version(), draft);
        assertThat(changed.userGroup()).isEqualTo(PRIVATE);
        assertThat(feeCount(before.id())).isEqualTo(feesBefore);
        assertThat(jdbc.queryForObject(
                        "select status from fee where id = ?",
                        String.class,
                        charged.getFirst().id()))
                .isEqualTo("PAID");
    }

    @Test
    @DisplayName("R-FEE-1: before the registration step, the open card fee is cancelled and the step charges 50 €")
    void rFee1_beforeTheStep_theOpenFeeFollowsTheNewUse() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Nour", "El Amrani-Société", Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        var validated =
                validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.PASSPORT);
        var open = fees.registrationFees(entry.patronId());
        assertThat(open).singleElement().satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("5.00"));

        var now = patrons.details(validated.id());
        assertThat(fees.changeOfUseCostsTheYearlyFee(now.id(), PROFESSIONAL))
                .as("no registration in force: nothing now")
                .isFalse();
        var changed = changes.change(
                now.id(), now.version(), professional(now, "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE", "Fiduciaire"));
        assertThat(changed.userGroup()).isEqualTo(PROFESSIONAL);
        assertThat(fees.registrationFees(now.id())).as("the 5 € fee cancelled").isEmpty();
        assertThat(fees.chargeRegistration(now.id()))
                .singleElement()
                .satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("50.00"));
    }

    @Test
    @DisplayName("R-FEE-1: a fee paid for a step not done yet stops the change, with the way out")
    void rFee1_aPaidFeeAwaitingItsStep_stopsTheChange() {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Ingrid", "Vandenberghe-Payée");
        var now = patrons.details(id);
        assertThatThrownBy(() -> changes.change(
                        id, now.version(), professional(now, "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE", "Notariat")))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("change-of-use.fee-settled"));
        assertThat(patrons.details(id).userGroup()).isEqualTo(PRIVATE);
    }

    @Test
    @DisplayName("R-REC-6: a change of use on a record changed meanwhile is refused and changes nothing")
    void aStaleChangeIsRefused() {
        var id = registered("Mehmet", "Yılmaz-Périmé");
        var before = patrons.details(id);
        var d = before.draft();
        changes.change( // a colleague saves first
                id,
                before.version(),
                new PatronDraft(
                        d.firstName(),
                        "Yılmaz",
                        d.gender(),
                        d.birthDate(),
                        d.preferredLanguage(),
                        d.userGroup(),
                        d.jobCategory(),
                        d.jobDescription(),
                        d.resourceSharingLibrary(),
                        null,
                        null,
                        d.contacts()));
        var charged = changes.fee(id, PROFESSIONAL);
        fees.payCash(charged.stream().map(FeeLine::id).toList(), "ALP");
        assertThatThrownBy(() -> changes.change(
                        id,
                        before.version(),
                        professional(before, "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE", "Étude")))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(patrons.details(id).userGroup()).isEqualTo(PRIVATE);
    }
}
