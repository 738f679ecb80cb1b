package be.uliege.library.registration.patron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-REC-4: the default expiration date of each kind of patron. */
class ExpirationPolicyTest {

    @ParameterizedTest(name = "{0} registered {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            B  | 2026-11-22 | 2027-11-22
            BX | 2026-11-22 | 2027-11-22
            B  | 2027-01-01 | 2028-01-01
            B  | 2028-02-29 | 2029-02-28
            BX | 2026-12-31 | 2027-12-31
            """)
    @DisplayName("R-REC-4: B and BX expire one year after the (re-)registration")
    void externalOneYear(PatronKind kind, LocalDate registered, LocalDate expected) {
        assertThat(ExpirationPolicy.defaultExpiration(kind, registered)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "S registered {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-22 | 2027-10-01
            2027-03-01 | 2027-10-01
            2027-09-15 | 2028-10-01
            2027-01-01 | 2027-10-01
            2027-08-31 | 2027-10-01
            2027-09-01 | 2028-10-01
            2027-12-31 | 2028-10-01
            """)
    @DisplayName("R-REC-4: students expire on 1 October at the end of the academic year starting in September")
    void studentsAcademicYear(LocalDate registered, LocalDate expected) {
        assertThat(ExpirationPolicy.defaultExpiration(PatronKind.S, registered)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} registered {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            U | 2026-05-01 | 2026-12-31
            C | 2026-05-01 | 2026-12-31
            U | 2026-10-15 | 2027-12-31
            C | 2026-10-15 | 2027-12-31
            U | 2026-01-01 | 2026-12-31
            U | 2026-09-30 | 2026-12-31
            U | 2026-10-01 | 2027-12-31
            C | 2026-12-31 | 2027-12-31
            """)
    @DisplayName("R-REC-4: university and hospital staff expire on 31 December, moved to next year from October")
    void staffCalendarYear(PatronKind kind, LocalDate registered, LocalDate expected) {
        assertThat(ExpirationPolicy.defaultExpiration(kind, registered)).isEqualTo(expected);
    }
}
