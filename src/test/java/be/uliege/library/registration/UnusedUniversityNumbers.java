package be.uliege.library.registration;

import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random digits for the tests' students and staff that no record of the shared test database wears
 * yet after a U, S or C, nor at the start of a P key: the tests draw their people at random, and a
 * collision with another test's person turned a creation into an update.
 */
public final class UnusedUniversityNumbers {

    private UnusedUniversityNumbers() {}

    /** {@code n} digits unused in {@code db}; any {@code n} digits when there is no database to ask. */
    public static String digits(@Nullable JdbcTemplate db, int n) {
        while (true) {
            var s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append(ThreadLocalRandom.current().nextInt(10));
            }
            var value = s.toString();
            if (db == null
                    || db.queryForObject(
                                    "select count(*) from patron where primary_identifier in (?, ?, ?)"
                                            + " or university_key like ?",
                                    Integer.class,
                                    "S" + value,
                                    "U" + value,
                                    "C" + value,
                                    "P" + value + "%")
                            == 0) {
                return value;
            }
        }
    }
}
