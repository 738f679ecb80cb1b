package be.uliege.library.registration.patron.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.TestSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-ID-3: how much of a range is used, for the 90 % warning (taking numbers: IdentifierSequencesIT). */
class IdentifierSequenceTest {

    @Test
    @DisplayName("R-ID-3: usage goes from 0 to 1 and reaches the 0.9 warning threshold at 90 %")
    void usage() {
        var range = new PatronSettings.Range(950_000, 950_099);
        double warnAt = TestSettings.uliege().identifierRanges().warnAt();

        assertThat(new IdentifierSequence("PRE_REGISTRATION", 0).usage(range)).isZero();
        assertThat(new IdentifierSequence("PRE_REGISTRATION", 950_000).usage(range))
                .isZero();
        assertThat(new IdentifierSequence("PRE_REGISTRATION", 950_089).usage(range))
                .isCloseTo(0.89, within(1e-9))
                .isLessThan(warnAt);
        assertThat(new IdentifierSequence("PRE_REGISTRATION", 950_090).usage(range))
                .isCloseTo(0.9, within(1e-9))
                .isGreaterThanOrEqualTo(warnAt);
        assertThat(new IdentifierSequence("PRE_REGISTRATION", 950_100).usage(range))
                .isEqualTo(1.0);
        assertThat(new IdentifierSequence("PRE_REGISTRATION", 999_999).usage(range))
                .isEqualTo(1.0);
    }
}
