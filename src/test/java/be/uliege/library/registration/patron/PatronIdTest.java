package be.uliege.library.registration.patron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 14: a patron's id is typed at the patron module's API; no record has a zero or negative one. */
class PatronIdTest {

    @Test
    void aPatronIdIsPositive_andEqualByValue() {
        assertThat(PatronId.of(42)).isEqualTo(new PatronId(42)).hasToString("42");
        assertThatThrownBy(() -> PatronId.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PatronId.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
