package be.uliege.library.registration.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.fee.FeeStatus;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.security.Roles;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * R-CARD-4, R-FEE-2 on the embedded MariaDB: a lost, damaged or new-photo reprint costs
 * "Library Card Replacement" 5 €, charged once, paid or waived before the card prints, and paying
 * for one card only; a defective chip is replaced free.
 */
@SpringBootTest
class CardReplacementFeeIT {

    @Autowired
    Cards cards;

    @Autowired
    Fees fees;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronHistory patronHistory;

    static <T> T operator(Supplier<T> action) {
        return DeskFixtures.as("operator", action, Roles.DESK_OPERATOR);
    }

    PatronDetails carded(String lastName) {
        var patron = operator(() -> patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Renée",
                        lastName,
                        Gender.F,
                        LocalDate.of(1979, 3, 3),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(
                                        "reprint." + UUID.randomUUID() + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 12 12 13", ContactUsage.MOBILE),
                                ContactDraft.address("Rue Darchis 12", "4000", "Liège", "BE")))));
        operator(() -> cards.print(patron.id(), "ALP", Cards.Reason.FIRST, Cards.Printing.CARD_AND_LETTER));
        return patron;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6).replaceAll("[\\d-]", "k");
    }

    /** Reprints are a desk manager's (R-DESK-1). */
    Cards.Printed reprint(long patronId, Cards.Reason reason) {
        return DeskFixtures.as(
                "manager",
                () -> cards.print(patronId, "ALP", reason, Cards.Printing.CARD_AND_LETTER),
                Roles.DESK_OPERATOR,
                Roles.DESK_MANAGER);
    }

    @Test
    void anOperatorCannotReprint() {
        var patron = carded("Opératrice-" + tag());
        assertThatThrownBy(() -> operator(() ->
                        cards.print(patron.id(), "ALP", Cards.Reason.DEFECTIVE_CHIP, Cards.Printing.CARD_AND_LETTER)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void twoDesksChargingAtOnce_chargeOneFee() throws Exception {
        var patron = carded("Simultanée-" + tag());
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var charges = IntStream.range(0, 2)
                    .mapToObj(n -> pool.submit(() -> {
                        start.await();
                        return operator(() -> fees.chargeCardReplacement(patron.id()));
                    }))
                    .toList();
            start.countDown();
            var ids = new HashSet<Long>();
            for (var charge : charges) {
                ids.add(charge.get().id());
            }
            assertThat(ids).as("the second desk finds the first one's fee").hasSize(1);
        }
        assertThat(operator(() -> fees.forPatron(patron.id()))).hasSize(1);
    }

    @Test
    void aLostCard_isReprintedOnlyOnceItsFeeIsPaid_andThatFeePaysForOneCardOnly() {
        var patron = carded("Perdue-" + tag());
        long first = operator(() -> cards.current(patron.id())).orElseThrow().id();

        assertThatThrownBy(() -> reprint(patron.id(), Cards.Reason.LOST))
                .as("never charged")
                .isInstanceOfSatisfying(
                        FeesDueException.class, e -> assertThat(e.total()).isZero());
        assertThat(operator(() -> cards.current(patron.id())).orElseThrow().id())
                .as("nothing printed")
                .isEqualTo(first);

        var fee = operator(() -> fees.chargeCardReplacement(patron.id()));
        assertThat(fee.label()).isEqualTo("Library Card Replacement");
        assertThat(fee.amount()).hasToString("5.00");
        assertThat(fee.status()).isEqualTo(FeeStatus.OPEN);
        assertThat(operator(() -> fees.chargeCardReplacement(patron.id())).id())
                .as("charged once")
                .isEqualTo(fee.id());
        assertThat(operator(() -> fees.registrationFees(patron.id())))
                .as("not a registration fee")
                .isEmpty();

        assertThatThrownBy(() -> reprint(patron.id(), Cards.Reason.LOST))
                .as("open: pay first")
                .isInstanceOfSatisfying(
                        FeesDueException.class, e -> assertThat(e.total()).isEqualByComparingTo("5.00"));
        assertThat(operator(() -> cards.current(patron.id())).orElseThrow().id())
                .isEqualTo(first);

        var receipt = operator(() -> fees.payCash(List.of(fee.id()), "ALP"));
        var reprinted = reprint(patron.id(), Cards.Reason.LOST);
        assertThat(reprinted.cardId()).isNotEqualTo(first);
        assertThat(reprinted.print().activationCode()).matches("\\d{4}");
        assertThat(operator(() -> fees.cardReplacementFee(patron.id())))
                .as("used by the reprint")
                .isEmpty();
        assertThat(operator(() -> fees.forPatron(patron.id()))).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo(FeeStatus.PAID);
            assertThat(line.receiptNumber()).isEqualTo(receipt);
            assertThat(receipt).as("site, desk day, number").matches("ALP-\\d{8}-\\d+");
        });

        assertThatThrownBy(() -> reprint(patron.id(), Cards.Reason.DAMAGED))
                .as("the paid fee paid for one card")
                .isInstanceOf(FeesDueException.class);
        assertThatThrownBy(() -> reprint(patron.id(), Cards.Reason.NEW_PHOTO))
                .as("a new photo is not free either")
                .isInstanceOf(FeesDueException.class);
        assertThat(operator(() -> patronHistory.lines(patron.id())))
                .extracting(HistoryLine::newValue)
                .anySatisfy(v -> assertThat(v).contains("charged Library Card Replacement 5.00 EUR"))
                .anySatisfy(v -> assertThat(v).contains("reprinted (LOST)"));
    }

    @Test
    void aDefectiveChip_isReplacedFree_andAWaivedFeeLetsADamagedCardPrint() {
        var patron = carded("Défectueuse-" + tag());
        var free = reprint(patron.id(), Cards.Reason.DEFECTIVE_CHIP);
        assertThat(free.print().activationCode()).matches("\\d{4}");
        assertThat(operator(() -> fees.forPatron(patron.id())))
                .as("no fee for a defective card")
                .isEmpty();

        var fee = operator(() -> fees.chargeCardReplacement(patron.id()));
        assertThatThrownBy(() -> operator(() -> fees.waive(fee.id(), "ALP", "Carte abîmée par le lecteur")))
                .as("an operator cannot waive")
                .isInstanceOf(AccessDeniedException.class);
        DeskFixtures.as(
                "manager",
                () -> fees.waive(fee.id(), "ALP", "Carte abîmée par le lecteur"),
                Roles.DESK_OPERATOR,
                Roles.DESK_MANAGER);
        var damaged = reprint(patron.id(), Cards.Reason.DAMAGED);
        assertThat(operator(() -> cards.current(patron.id())).orElseThrow().id())
                .isEqualTo(damaged.cardId());
        assertThat(operator(() -> fees.forPatron(patron.id())))
                .singleElement()
                .satisfies(line -> assertThat(line.status()).isEqualTo(FeeStatus.WAIVED));
    }
}
