package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.accountIs;
import static be.uliege.library.registration.desk.DeskFixtures.as;
import static be.uliege.library.registration.desk.DeskFixtures.await;
import static be.uliege.library.registration.desk.DeskFixtures.binds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.UnusedUniversityNumbers;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.desk.DirectoryAccountLifecycleIT.Registered;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.MergeComparison;
import be.uliege.library.registration.patron.PatronContacts;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronMerge;
import be.uliege.library.registration.patron.PatronNotFoundException;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.TakeOverComparison.Field;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-9 on the embedded servers (MariaDB, the directory): a desk manager merges two records of
 * the same person — the chosen values, every identifier, contacts, notes, fees, registrations and
 * history on the survivor, the absorbed record gone and found by its identifier, never two enabled
 * directory accounts — all or nothing; loaded records, stale comparisons, operators and hostile
 * look-ups refused in words.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronMergeIT {

    static final Duration AFTER_COMMIT = DirectoryAccountLifecycleIT.AFTER_COMMIT;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    RegistrationStep step;

    @Autowired
    Fees fees;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronHistory patronHistory;

    @Autowired
    PatronAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PatronMerge merge;

    @Autowired
    PatronContacts patronContacts;

    @Autowired
    Patrons patronRecords;

    static <T> T manager(Supplier<T> action) {
        return as("manager", action, Roles.DESK_OPERATOR, Roles.DESK_MANAGER);
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6).replaceAll("[\\d-]", "q");
    }

    PatronDetails walkIn(PatronKind kind, String last) {
        var draft = new PatronDraft(
                "Inès",
                last,
                Gender.F,
                LocalDate.of(1991, 5, 17),
                Language.FRE,
                kind == PatronKind.BX ? "Usager BX - PIB" : "Extérieur",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(
                        ContactDraft.email(
                                last.toLowerCase().replaceAll("[^a-z]", "")
                                        + UUID.randomUUID().toString().substring(0, 6) + "@example.be",
                                ContactUsage.PERSONAL),
                        ContactDraft.phone("0475 12 34 56", ContactUsage.MOBILE),
                        ContactDraft.address("Rue de la Cathédrale 12 bte 3", "4000", "Liège", "BE")));
        return kind == PatronKind.BX
                ? manager(() -> patrons.registerAtDesk(kind, draft))
                : patrons.registerAtDesk(kind, draft);
    }

    int count(String table, long patronId) {
        return jdbc.queryForObject("select count(*) from " + table + " where patron_id = ?", Integer.class, patronId);
    }

    @Test
    void rDesk9_twoRegisteredRecords_allMovesToTheSurvivor_andTheAbsorbedAccountIsDisabled() throws Exception {
        var t = tag();
        var kept = registered("Fusion-Garde-" + t);
        var gone = registered("Fusion-Part-" + t);
        var hostileNote = "<script>alert('x')</script> '; drop table patron; -- \u202e";
        patronContacts.addNote(gone.patronId(), patrons.details(gone.patronId()).version(), hostileNote);
        int goneFees = count("fee", gone.patronId());
        int keptFees = count("fee", kept.patronId());
        int goneHistory = patronHistory.lines(gone.patronId()).size();
        assertThat(goneFees).as("the absorbed record paid its fees").isPositive();

        assertThatThrownBy(() -> merge.compare(kept.patronId(), gone.uid()))
                .as("a desk manager's task (R-DESK-1)")
                .isInstanceOf(AccessDeniedException.class);
        var comparison =
                manager(() -> merge.compare(kept.patronId(), " " + gone.uid().toLowerCase() + " "));
        assertThat(comparison.second().identifier()).isEqualTo(gone.uid());
        assertThat(comparison.loadedSurvivor()).isEmpty();
        assertThat(comparison.row(Field.LAST_NAME).choosable()).isTrue();
        assertThat(comparison.row(Field.FIRST_NAME).choosable())
                .as("the same value: nothing to choose")
                .isFalse();
        assertThatThrownBy(() -> merge.merge(
                        kept.patronId(),
                        comparison.first().version(),
                        gone.patronId(),
                        comparison.second().version(),
                        Set.of(Field.LAST_NAME)))
                .isInstanceOf(AccessDeniedException.class);

        var merged = manager(() -> merge.merge(
                kept.patronId(),
                comparison.first().version(),
                gone.patronId(),
                comparison.second().version(),
                Set.of(Field.LAST_NAME)));

        assertThat(merged.primaryIdentifier()).isEqualTo(kept.uid());
        assertThat(merged.lastName())
                .as("the value chosen from the absorbed record")
                .isEqualTo("Fusion-Part-" + t);
        assertThat(merged.identifiers())
                .contains(new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, gone.uid()));
        assertThat(merged.notes()).anyMatch(n -> n.text().equals(hostileNote));
        assertThat(merged.contacts().stream().filter(c -> c.display().contains("@")))
                .as("both e-mail addresses")
                .hasSize(2);
        assertThat(count("fee", merged.id())).isEqualTo(keptFees + goneFees);
        assertThat(count("fee", gone.patronId())).isZero();
        assertThat(count("registration", merged.id())).isEqualTo(2);
        assertThatThrownBy(() -> patrons.details(gone.patronId())).isInstanceOf(PatronNotFoundException.class);
        assertThat(patrons.search(gone.uid()).patrons())
                .as("the absorbed identifier finds the survivor (R-ID-4)")
                .singleElement()
                .satisfies(p -> assertThat(p.id()).isEqualTo(merged.id()));
        var lines = patronHistory.lines(merged.id());
        assertThat(lines)
                .anyMatch(l -> l.field().equals("mergedWith") && gone.uid().equals(l.newValue()))
                .anyMatch(l -> l.field().equals("lastName") && ("Fusion-Part-" + t).equals(l.newValue()));
        assertThat(lines.size()).as("the absorbed history moved").isGreaterThan(goneHistory);

        // Never two enabled accounts: the survivor keeps its own, the absorbed one is disabled.
        await("the absorbed account disabled", AFTER_COMMIT, () -> !binds(gone.uid(), gone.password()));
        DirectoryAccountLifecycleIT.assertDisabled(gone);
        DirectoryAccountLifecycleIT.assertBinds(kept);
        assertThat(accountIs(accounts, merged.id(), true)).isTrue();
        await(
                "the disabling in the survivor's history",
                AFTER_COMMIT,
                () -> patronHistory.lines(merged.id()).stream()
                        .map(HistoryLine::newValue)
                        .anyMatch(v -> v != null && v.contains("disabled " + gone.uid())));
    }

    @Test
    void rDesk9_onlyTheAbsorbedHasAnAccount_itBecomesTheSurvivors_stillEnabled() {
        var t = tag();
        var gone = registered("Fusion-Compte-" + t);
        var kept = walkIn(PatronKind.B, "Fusion-Sans-" + t);
        var c = manager(() -> merge.compare(kept.id(), gone.uid()));

        manager(() -> merge.merge(
                kept.id(), c.first().version(), gone.patronId(), c.second().version(), Set.of()));

        var account = accounts.status(kept.id()).orElseThrow();
        assertThat(account.uid()).isEqualTo(gone.uid());
        assertThat(account.enabled()).isTrue();
        assertThat(binds(gone.uid(), gone.password()))
                .as("the person keeps the login")
                .isTrue();
        assertThat(accounts.status(gone.patronId())).isEmpty();
    }

    @Test
    void rDesk9_aBxSurvivor_takesNoAccount_theBsIsDisabled() {
        var t = tag();
        var gone = registered("Fusion-B-" + t);
        var kept = walkIn(PatronKind.BX, "Fusion-BX-" + t);
        var c = manager(() -> merge.compare(kept.id(), gone.uid()));

        var merged = manager(() -> merge.merge(
                kept.id(), c.first().version(), gone.patronId(), c.second().version(), Set.of()));

        assertThat(merged.kind()).isEqualTo(PatronKind.BX);
        assertThat(accounts.status(kept.id())).isEmpty();
        await("the B account disabled", AFTER_COMMIT, () -> !binds(gone.uid(), gone.password()));
    }

    @Test
    void rExt1_theLoadedRecordSurvivesWithItsValues_twoLoadedAreRefused() {
        var t = tag();
        // Numbers no record wears: the load's tests bring thousands of generated students.
        var student = loaded("S" + UnusedUniversityNumbers.digits(jdbc, 6), "Fusion-Etudiante-" + t);
        var other = loaded("S" + UnusedUniversityNumbers.digits(jdbc, 6), "Fusion-Autre-" + t);
        var local = walkIn(PatronKind.B, "Fusion-Locale-" + t);
        patronContacts.addNote(local.id(), patrons.details(local.id()).version(), "Vue au guichet");

        assertThatThrownBy(() -> manager(() -> merge.compare(student.id(), other.primaryIdentifier())))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("merge.both-loaded"));
        MergeComparison c = manager(() -> merge.compare(local.id(), student.primaryIdentifier()));
        assertThat(c.loadedSurvivor().map(MergeComparison.Side::id)).contains(student.id());
        assertThat(c.rows()).noneMatch(MergeComparison.Row::choosable);
        assertThatThrownBy(() -> manager(() -> merge.merge(
                        local.id(),
                        c.first().version(),
                        student.id(),
                        c.second().version(),
                        Set.of())))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("merge.loaded-survives"));
        assertThatThrownBy(() -> manager(() -> merge.merge(
                        student.id(),
                        c.second().version(),
                        local.id(),
                        c.first().version(),
                        Set.of(Field.LAST_NAME))))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("merge.loaded-fields"));

        var merged = manager(() -> merge.merge(
                student.id(), c.second().version(), local.id(), c.first().version(), Set.of()));

        assertThat(merged.lastName()).isEqualTo("Fusion-Etudiante-" + t);
        assertThat(merged.notes()).anyMatch(n -> n.text().equals("Vue au guichet"));
        assertThat(merged.contacts())
                .anyMatch(
                        c2 -> c2.source() == ContactSource.LOCAL && c2.display().startsWith("fusionlocale"));
    }

    PatronDetails loaded(String identifier, String last) {
        return SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                identifier,
                new PatronDraft(
                        "Inès",
                        last,
                        Gender.F,
                        LocalDate.of(1999, 2, 3),
                        Language.FRE,
                        "Étudiant ULiège",
                        null,
                        null,
                        null,
                        LibraryDay.today().plusMonths(6),
                        null,
                        List.of(ContactDraft.email(
                                "s" + UUID.randomUUID().toString().substring(0, 8) + "@student.uliege.be",
                                ContactUsage.WORK))),
                PatronStatus.ACTIVE,
                PatronRules.Actor.LOAD));
    }

    @Test
    void rDesk9_refusedInWords_andNeverHalfAMerge() {
        var t = tag();
        var kept = walkIn(PatronKind.B, "Fusion-Refus-" + t);
        var gone = registered("Fusion-Attente-" + t);
        int goneFees = count("fee", gone.patronId());

        for (var hostile : List.of(
                "<img src=x onerror=alert(1)>", "B1' OR '1'='1", "x".repeat(10_000), "B\u0000\u0007\u202e123", "   ")) {
            assertThatThrownBy(() -> manager(() -> merge.compare(kept.id(), hostile)))
                    .as(hostile.length() > 40 ? "a very long text" : hostile)
                    .isInstanceOfSatisfying(PatronRuleException.class, e -> {
                        assertThat(e.violations().getFirst().code()).isEqualTo("merge.not-found");
                        assertThat(String.valueOf(
                                        e.violations().getFirst().args().getFirst()))
                                .hasSizeLessThanOrEqualTo(65);
                    });
        }
        assertThatThrownBy(() -> manager(() -> merge.compare(kept.id(), kept.primaryIdentifier())))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("merge.same-record"));

        var c = manager(() -> merge.compare(kept.id(), gone.uid()));
        // Someone changed the absorbed record since the comparison: nothing is written.
        patronContacts.addNote(gone.patronId(), c.second().version(), "Changée entre-temps");
        assertThatThrownBy(() -> manager(() -> merge.merge(
                        kept.id(),
                        c.first().version(),
                        gone.patronId(),
                        c.second().version(),
                        Set.of())))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(patrons.details(gone.patronId()).primaryIdentifier()).isEqualTo(gone.uid());

        // An account that waits for the directory refuses the whole merge: no fee, no note moved.
        var fresh = manager(() -> merge.compare(kept.id(), gone.uid()));
        jdbc.update("update directory_account set state = 'PENDING' where patron_id = ?", gone.patronId());
        try {
            assertThatThrownBy(() -> manager(() -> merge.merge(
                            kept.id(),
                            fresh.first().version(),
                            gone.patronId(),
                            fresh.second().version(),
                            Set.of())))
                    .isInstanceOfSatisfying(
                            PatronRuleException.class,
                            e -> assertThat(e.violations().getFirst().code()).isEqualTo("merge.account-pending"));
        } finally {
            jdbc.update("update directory_account set state = 'DONE' where patron_id = ?", gone.patronId());
        }
        assertThat(count("fee", gone.patronId())).isEqualTo(goneFees);
        assertThat(patrons.details(kept.id()).notes()).isEmpty();
        assertThat(patrons.details(gone.patronId()).notes()).hasSize(1);
        assertThat(patrons.details(kept.id()).identifiers())
                .noneMatch(i -> i.value().equals(gone.uid()));
        assertThat(accountIs(accounts, gone.patronId(), true)).isTrue();
    }

    /** A pre-registration validated, paid and registered; waits for its directory account. */
    Registered registered(String lastName) {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Inès", lastName, Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        var validated =
                validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.PASSPORT);
        var due = fees.chargeRegistration(entry.patronId()).stream()
                .map(FeeLine::id)
                .toList();
        if (!due.isEmpty()) {
            fees.payCash(due, "ALP");
        }
        var outcome = step.register(entry.patronId(), validated.version(), "ALP");
        await("the directory account", AFTER_COMMIT, () -> accountIs(accounts, entry.patronId(), true));
        return new Registered(
                entry.patronId(), outcome.account().login(), outcome.account().password());
    }
}
