package be.uliege.library.registration.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Staff sign-in against the embedded UnboundID directory (R-DESK-1). */
@SpringBootTest
class StaffDirectoryIT {

    @Autowired
    StaffDirectory directory;

    @Test
    void rightPasswordGivesTheAccountAndItsGroups() {
        var account = directory.authenticate("manager", "demo-manager").orElseThrow();
        assertThat(account.uid()).isEqualTo("manager");
        assertThat(account.groups()).containsExactlyInAnyOrder("library-desk-operators", "library-desk-managers");
    }

    @Test
    void wrongOrEmptyPasswordsAndUnknownUsersAreRefused() {
        assertThat(directory.authenticate("manager", "wrong")).isEmpty();
        assertThat(directory.authenticate("manager", "")).isEmpty(); // never an anonymous bind
        assertThat(directory.authenticate("nobody", "demo-manager")).isEmpty();
        assertThat(directory.authenticate("", "x")).isEmpty();
    }

    @Test
    void filterSpecialCharactersCannotInjectIntoTheSearch() {
        for (var uid : List.of(
                "*",
                "manager*",
                "*)(uid=*",
                "manager)(|(uid=*",
                "\\2a",
                "adm*",
                "x".repeat(10_000),
                "manager\u0000",
                "(&)")) {
            assertThat(directory.authenticate(uid, "demo-manager")).as(uid).isEmpty();
        }
    }
}
