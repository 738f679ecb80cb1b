package be.uliege.library.registration.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.patron.PatronRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R-CNV-2, R-GRP-3: the year of an alumnus's last degree as typed at the desk. Spaces are dropped
 * and digits of any script are digits; everything else is refused with the reason, never guessed.
 */
class AlumnusYearTest {

    static final int THIS_YEAR = 2026;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2020|2020",
                "' 2020 '|2020",
                "20 20|2020",
                "2\u00a0020|2020",
                "٢٠٢٠|2020",
                "۱۹۹۸|1998",
                "２０２０|2020",
                "1817|1817",
                "2026|2026"
            })
    void aYearIsReadAsTyped(String typed, int year) {
        assertThat(AlumnusConversion.parseYear(typed, THIS_YEAR)).isEqualTo(year);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2020<script>",
                "<script>alert(1)</script>",
                "99999",
                "020",
                "2O2O",
                "2020.",
                "-2020",
                "+2020",
                "2020'; drop table patron; --",
                "20\u000020",
                "2020\u202e",
                "Alumni 2020",
                "MMXX"
            })
    void whatIsNotFourDigitsIsRefused(String typed) {
        assertThatThrownBy(() -> AlumnusConversion.parseYear(typed, THIS_YEAR))
                .isInstanceOfSatisfying(PatronRuleException.class, e -> {
                    assertThat(e.violations().getFirst().field()).isEqualTo("alumnusYear");
                    assertThat(e.violations().getFirst().code()).isEqualTo("alumnus-year.digits");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void nothingTypedIsRefused(String typed) {
        assertThatThrownBy(() -> AlumnusConversion.parseYear(typed, THIS_YEAR))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("alumnus-year.required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1816", "0000", "2027", "9999"})
    void aYearBeforeTheFoundingOrInTheFutureIsRefused_namingTheRange(String typed) {
        assertThatThrownBy(() -> AlumnusConversion.parseYear(typed, THIS_YEAR))
                .isInstanceOfSatisfying(PatronRuleException.class, e -> {
                    assertThat(e.violations().getFirst().code()).isEqualTo("alumnus-year.range");
                    assertThat(e.violations().getFirst().args()).containsExactly("1817", "2026");
                });
    }

    @Test
    void aVeryLongValueIsRefusedWithoutReadingItAll() {
        assertThatThrownBy(() -> AlumnusConversion.parseYear("2".repeat(1_000_000), THIS_YEAR))
                .isInstanceOf(PatronRuleException.class);
    }
}
