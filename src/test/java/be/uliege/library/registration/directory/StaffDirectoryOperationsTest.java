package be.uliege.library.registration.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R-DESK-1: an unknown uid must not answer sooner than a known one with a wrong password (which
 * told an attacker which uids exist). Counted rather than timed: both cost the same directory
 * operations, in the same order.
 */
class StaffDirectoryOperationsTest {

    static CountingDirectory directory;
    static StaffDirectory staff;

    @BeforeAll
    static void start() throws Exception {
        directory = new CountingDirectory();
        staff = directory.staffDirectory();
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    @Test
    void anUnknownUidCostsTheSameOperationsAsAKnownOneWithAWrongPassword() {
        assertThat(staff.authenticate(CountingDirectory.UID, "wrong")).isEmpty();
        var knownWrong = directory.takeOperations();
        assertThat(staff.authenticate("nobody", "wrong")).isEmpty();
        var unknown = directory.takeOperations();

        assertThat(knownWrong).containsExactly("search", "bind", "bind service");
        assertThat(unknown).isEqualTo(knownWrong);
    }

    @Test
    void theRightPasswordStillSignsIn_andAnUnknownUidNeverDoes() {
        var account = staff.authenticate(CountingDirectory.UID, CountingDirectory.PASSWORD)
                .orElseThrow();
        assertThat(account.groups()).containsExactly("operators");
        // The bind of an unknown uid goes to an entry that does not exist, whatever the password.
        assertThat(staff.authenticate("nobody", CountingDirectory.PASSWORD)).isEmpty();
        assertThat(staff.authenticate("nobody", "service-password")).isEmpty();
    }
}
