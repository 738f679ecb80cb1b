package be.uliege.library.registration.patron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-ID-3: identifier numbers are issued once, in their range, with a warning at 90 %. */
class IdentifierSequenceTest {

    private static final PatronSettings.Range PRE_REGISTRATION = TestSettings.uliege().identifierRanges().preRegistration();

    @Test
    @DisplayName("R-ID-3: the first number is the start of the range (B950000 for pre-registrations)")
    void startsAtTheRange() {
        var sequence = new IdentifierSequence();

        assertThat(sequence.take(PRE_REGISTRATION)).isEqualTo(950_000L);
        assertThat(sequence.take(PRE_REGISTRATION)).isEqualTo(950_001L);
    }

    @Test
    @DisplayName("R-ID-3: a number is never issued twice, the whole pre-registration range through")
    void neverTwice() {
        var sequence = new IdentifierSequence();
        var issued = new HashSet<Long>();
        var inOrder = new ArrayList<Long>();

        for (int i = 0; i < PRE_REGISTRATION.size(); i++) {
            long n = sequence.take(PRE_REGISTRATION);
            assertThat(issued.add(n)).as("number %d issued twice", n).isTrue();
            inOrder.add(n);
        }

        assertThat(issued).hasSize(10_000);
        assertThat(inOrder).isSorted().startsWith(950_000L).endsWith(959_999L);
    }

    @Test
    @DisplayName("R-ID-3: past the end of its range a sequence refuses to issue, it never wraps around")
    void exhausted() {
        var range = new PatronSettings.Range(959_998, 959_999);
        var sequence = new IdentifierSequence();
        sequence.take(range);
        sequence.take(range);

        assertThatThrownBy(() -> sequence.take(range)).isInstanceOf(IdentifierRangeExhaustedException.class);
        assertThatThrownBy(() -> sequence.take(range)).isInstanceOf(IdentifierRangeExhaustedException.class);
    }

    @Test
    @DisplayName("R-ID-3: a range moved forward by configuration skips to its new start, never back")
    void rangeMovedForward() {
        var sequence = new IdentifierSequence();
        sequence.take(new PatronSettings.Range(100, 199));
        sequence.take(new PatronSettings.Range(100, 199));

        assertThat(sequence.take(new PatronSettings.Range(500, 599))).isEqualTo(500L);
        assertThat(sequence.take(new PatronSettings.Range(100, 599))).isEqualTo(501L);
    }

    @Test
    @DisplayName("R-ID-3: usage goes from 0 to 1 and reaches the 0.9 warning threshold at 90 %")
    void usage() {
        var range = new PatronSettings.Range(950_000, 950_099);
        var sequence = new IdentifierSequence();
        double warnAt = TestSettings.uliege().identifierRanges().warnAt();

        assertThat(sequence.usage(range)).isZero();
        for (int i = 0; i < 89; i++) {
            sequence.take(range);
        }
        assertThat(sequence.usage(range)).isCloseTo(0.89, within(1e-9)).isLessThan(warnAt);
        sequence.take(range);
        assertThat(sequence.usage(range)).isCloseTo(0.9, within(1e-9)).isGreaterThanOrEqualTo(warnAt);
        for (int i = 0; i < 10; i++) {
            sequence.take(range);
        }
        assertThat(sequence.usage(range)).isEqualTo(1.0);
        assertThatThrownBy(() -> sequence.take(range)).isInstanceOf(IdentifierRangeExhaustedException.class);
        assertThat(sequence.usage(range)).isEqualTo(1.0);
    }
}
