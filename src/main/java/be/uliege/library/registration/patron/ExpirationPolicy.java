package be.uliege.library.registration.patron;

import java.time.LocalDate;
import java.time.Month;

/**
 * The default expiration date of a record, by kind (R-REC-4): B and BX one year from the
 * (re-)registration; students 1 October at the end of the current academic year (which starts in
 * September); staff of the university and of the hospital 31 December of the calendar year, moved
 * to the next year from October on (the yearly October update of active accounts).
 */
public final class ExpirationPolicy {

    private ExpirationPolicy() {}

    public static LocalDate defaultExpiration(PatronKind kind, LocalDate registrationDate) {
        return switch (kind) {
            case B, BX -> registrationDate.plusYears(1);
            case S -> {
                int endYear = registrationDate.getMonthValue() >= Month.SEPTEMBER.getValue()
                        ? registrationDate.getYear() + 1
                        : registrationDate.getYear();
                yield LocalDate.of(endYear, Month.OCTOBER, 1);
            }
            case U, C -> {
                int year = registrationDate.getMonthValue() >= Month.OCTOBER.getValue()
                        ? registrationDate.getYear() + 1
                        : registrationDate.getYear();
                yield LocalDate.of(year, Month.DECEMBER, 31);
            }
        };
    }
}
