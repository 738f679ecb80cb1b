package be.uliege.library.registration.preregistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R-PRE-4, R-DESK-2, R-DESK-3: a pre-registration enters the queue once confirmed, is held open by
 * one operator at a time (a forgotten hold expires, a take-over is said), and is decided once.
 */
class PreRegistrationTest {

    private static final Instant SUBMITTED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(30);

    private static PreRegistration submitted() {
        return new PreRegistration(42, "B950001", Use.PRIVATE, "key", "v1", false, false, List.of(), SUBMITTED);
    }

    private static PreRegistration confirmed() {
        var entry = submitted();
        assertThat(entry.confirm(SUBMITTED.plusSeconds(60))).isTrue();
        return entry;
    }

    @Test
    void anUnconfirmedEntry_isNeitherOpenedNorDecided() {
        var entry = submitted();
        assertThatThrownBy(() -> entry.open("alice", false, NOW, HOLD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in the queue");
        assertThatThrownBy(() -> entry.validate("alice", NOW)).isInstanceOf(AlreadyDecidedException.class);
        assertThatThrownBy(() -> entry.reject("alice", NOW)).isInstanceOf(AlreadyDecidedException.class);
        assertThat(entry.getStatus()).isEqualTo(PreRegistrationStatus.AWAITING_EMAIL_CONFIRMATION);
        assertThat(entry.getOpenedBy()).isNull();
    }

    @Test
    void anEntryOpenByAColleague_staysTheirs_untilTheHoldExpiresOrSomeoneTakesItOver() {
        var entry = confirmed();
        assertThat(entry.open("alice", false, NOW, HOLD)).isTrue();
        assertThat(entry.getOpenedBy()).isEqualTo("alice");
        assertThat(entry.getOpenedAt()).isEqualTo(NOW);

        assertThat(entry.open("bob", false, NOW.plus(HOLD), HOLD)).isFalse();
        assertThat(entry.getOpenedBy()).isEqualTo("alice");
        assertThat(entry.getOpenedAt()).isEqualTo(NOW);

        assertThat(entry.open("bob", false, NOW.plus(HOLD).plusSeconds(1), HOLD))
                .isTrue();
        assertThat(entry.getOpenedBy()).isEqualTo("bob");

        assertThat(entry.open("carol", true, NOW.plus(HOLD).plusSeconds(2), HOLD))
                .isTrue();
        assertThat(entry.getOpenedBy()).isEqualTo("carol");
    }

    @Test
    void theHolder_opensAgain_andReleases_whileOthersCannotRelease() {
        var entry = confirmed();
        entry.open("alice", false, NOW, HOLD);
        assertThat(entry.open("Alice", false, NOW.plusSeconds(5), HOLD)).isTrue();
        assertThat(entry.getOpenedAt()).isEqualTo(NOW.plusSeconds(5));

        assertThat(entry.release("bob")).isFalse();
        assertThat(entry.getOpenedBy()).isEqualTo("Alice");
        assertThat(entry.release("alice")).isTrue();
        assertThat(entry.getOpenedBy()).isNull();
        assertThat(entry.getOpenedAt()).isNull();
        assertThat(entry.release("alice")).isFalse();
    }

    @Test
    void validating_leavesTheQueue_releasesTheHold_andHappensOnce() {
        var entry = confirmed();
        entry.open("alice", false, NOW, HOLD);
        entry.validate("alice", NOW.plusSeconds(60));
        assertThat(entry.getStatus()).isEqualTo(PreRegistrationStatus.VALIDATED);
        assertThat(entry.getDecidedBy()).isEqualTo("alice");
        assertThat(entry.getDecidedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(entry.getOpenedBy()).isNull();
        assertThat(entry.getOpenedAt()).isNull();

        assertThatThrownBy(() -> entry.validate("bob", NOW.plusSeconds(90)))
                .isInstanceOfSatisfying(
                        AlreadyDecidedException.class, e -> assertThat(e.by()).isEqualTo("alice"));
        assertThatThrownBy(() -> entry.reject("bob", NOW.plusSeconds(90)))
                .isInstanceOfSatisfying(
                        AlreadyDecidedException.class, e -> assertThat(e.by()).isEqualTo("alice"));
        assertThatThrownBy(() -> entry.open("bob", true, NOW.plusSeconds(90), HOLD))
                .isInstanceOf(IllegalStateException.class);
        assertThat(entry.getStatus()).isEqualTo(PreRegistrationStatus.VALIDATED);
        assertThat(entry.getDecidedBy()).isEqualTo("alice");
    }

    @Test
    void aRejectedEntry_isNotValidatedAfterwards() {
        var entry = confirmed();
        entry.reject("alice", NOW);
        assertThat(entry.getStatus()).isEqualTo(PreRegistrationStatus.REJECTED);
        assertThat(entry.getDecidedBy()).isEqualTo("alice");
        assertThatThrownBy(() -> entry.validate("bob", NOW)).isInstanceOf(AlreadyDecidedException.class);
        assertThat(entry.getStatus()).isEqualTo(PreRegistrationStatus.REJECTED);
    }

    @Test
    void aDecidedEntry_isNotConfirmedAgain() {
        var entry = confirmed();
        entry.validate("alice", NOW);
        assertThat(entry.confirm(NOW)).isFalse();
        assertThat(entry.getStatus()).isEqualTo(PreRegistrationStatus.VALIDATED);
    }
}
