package be.uliege.library.registration.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.card.Cards.Reason;
import be.uliege.library.registration.card.Cards.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** R-CARD-4, R-CARD-5: a card's life cycle — printed, activated once, replaced by a reprint. */
class CardTest {

    private static final Instant PRINTED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-03T18:30:00Z");

    private static Card saved(Card card) {
        ReflectionTestUtils.setField(card, "id", 7L);
        return card;
    }

    @Test
    void aPrintedCard_waitsForActivation_withoutCodeUntilOneIsIssued() {
        var card = Card.printed(42, Reason.FIRST, "ALP", "desk1", PRINTED_AT);
        assertThat(card.getStatus()).isEqualTo(Status.PRINTED);
        assertThat(card.getPatronId()).isEqualTo(42);
        assertThat(card.getReason()).isEqualTo(Reason.FIRST);
        assertThat(card.getSite()).isEqualTo("ALP");
        assertThat(card.getPrintedBy()).isEqualTo("desk1");
        assertThat(card.getPrintedAt()).isEqualTo(PRINTED_AT);
        assertThat(card.getActivatedAt()).isNull();
        assertThat(card.codeMatches("anything")).isFalse();
    }

    @Test
    void aCardPrintedAlreadyActivated_isActiveFromItsPrinting_andHasNoCode() {
        var card = saved(Card.printedActivated(42, Reason.DEFECTIVE_CHIP, "BSA", "desk1", PRINTED_AT));
        assertThat(card.getStatus()).isEqualTo(Status.ACTIVE);
        assertThat(card.getActivatedAt()).isEqualTo(PRINTED_AT);
        assertThatThrownBy(() -> card.issueCode("h"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only a printed card gets a code");
        assertThatThrownBy(() -> card.activate(LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only a printed card is activated");
    }

    @Test
    void theCode_isIssuedOnce_andOnlyOnceTheCardHasItsId() {
        var unsaved = Card.printed(42, Reason.FIRST, "ALP", "desk1", PRINTED_AT);
        assertThatThrownBy(() -> unsaved.issueCode("a".repeat(64))).isInstanceOf(IllegalStateException.class);

        var card = saved(Card.printed(42, Reason.FIRST, "ALP", "desk1", PRINTED_AT));
        card.issueCode("a".repeat(64));
        assertThat(card.codeMatches("a".repeat(64))).isTrue();
        assertThat(card.codeMatches("b".repeat(64))).isFalse();
        assertThatThrownBy(() -> card.issueCode("b".repeat(64)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has its activation code already");
        assertThat(card.codeMatches("a".repeat(64))).isTrue();
    }

    @Test
    void activatingTwice_isRefused_andKeepsTheFirstActivation() {
        var card = saved(Card.printed(42, Reason.FIRST, "ALP", "desk1", PRINTED_AT));
        card.activate(LATER);
        assertThat(card.getStatus()).isEqualTo(Status.ACTIVE);
        assertThat(card.getActivatedAt()).isEqualTo(LATER);

        assertThatThrownBy(() -> card.activate(LATER.plusSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Card 7 is ACTIVE");
        assertThat(card.getActivatedAt()).isEqualTo(LATER);
    }

    @Test
    void aReplacedCard_isNeverActivated_norReplacedAgain() {
        var card = saved(Card.printed(42, Reason.FIRST, "ALP", "desk1", PRINTED_AT));
        card.replace();
        assertThat(card.getStatus()).isEqualTo(Status.REPLACED);

        assertThatThrownBy(() -> card.activate(LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Card 7 is REPLACED");
        assertThatThrownBy(card::replace)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replaced already");
        assertThat(card.getActivatedAt()).isNull();
    }

    @Test
    void anActiveCard_isReplacedByAReprint() {
        var card = saved(Card.printed(42, Reason.FIRST, "ALP", "desk1", PRINTED_AT));
        card.activate(LATER);
        card.replace();
        assertThat(card.getStatus()).isEqualTo(Status.REPLACED);
    }

    @Test
    void aReplacedCard_getsNoCode() {
        var card = saved(Card.printed(42, Reason.LOST, "ALP", "desk1", PRINTED_AT));
        card.replace();
        assertThatThrownBy(() -> card.issueCode("a".repeat(64))).isInstanceOf(IllegalStateException.class);
    }
}
