package be.uliege.library.registration;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today as the application counts it: in the library's time zone (the application's clock,
 * Europe/Brussels), not the test machine's. In UTC, from 23:00 (22:00 in summer) the tests expected
 * yesterday's dates where the application had moved on to the next day.
 */
public final class LibraryDay {

    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private LibraryDay() {}

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
