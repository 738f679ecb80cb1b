package be.uliege.library.registration.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R-PRE-1: a birth date typed as people type it, on a computer or a phone's digit keyboard. */
class TypedDatesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12/04/1990",
                "12.04.1990",
                "12-04-1990",
                "12 04 1990",
                "12/4/1990",
                "12-4-1990",
                "12041990",
                " 12/04/1990 ",
                "12 / 04 / 1990",
                "1990-04-12",
                "19900412",
                "12. 04. 1990",
                "12/04/1990\t",
                "１２/０４/１９９０"
            })
    void readsDayMonthYearWithOrWithoutSeparators(String typed) {
        assertThat(TypedDates.dayMonthYear(typed).date()).isEqualTo(LocalDate.of(1990, 4, 12));
    }

    @ParameterizedTest
    @CsvSource({
        "1/2/1948,1948-02-01",
        "01021948,1948-02-01",
        "31.12.2001,2001-12-31",
        "29/02/2000,2000-02-29",
        "05/11/1937,1937-11-05",
        "2004-7-3,2004-07-03"
    })
    void readsOtherDays(String typed, LocalDate expected) {
        assertThat(TypedDates.dayMonthYear(typed).date()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "12/04/90,date.two-digit-year",
        "120490,date.two-digit-year",
        "12.4.90,date.two-digit-year",
        "31/02/1990,date.no-such-day",
        "29/02/2001,date.no-such-day",
        "12/13/1990,date.no-such-day",
        "00/04/1990,date.no-such-day",
        "April 12 1990,date.unreadable",
        "12/04,date.unreadable",
        "hier,date.unreadable",
        "123/04/1990,date.unreadable",
        "12/04/199,date.unreadable"
    })
    void saysWhatIsWrong(String typed, String problem) {
        var parsed = TypedDates.dayMonthYear(typed);
        assertThat(parsed.date()).isNull();
        assertThat(parsed.problem()).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyFieldIsNeitherADateNorAProblem(String typed) {
        assertThat(TypedDates.dayMonthYear(typed).isEmpty()).isTrue();
    }
}
