package be.uliege.library.registration.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.directory.PatronAccounts.State;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R-INT-1: a directory account's requests — write, disable — and how the directory's answers count. */
class DirectoryAccountTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate EXPIRES = LocalDate.of(2027, 3, 2);

    private static DirectoryAccount requested() {
        return DirectoryAccount.requested(42, "B100001", "r1", "desk1", AT, EXPIRES);
    }

    @Test
    void aFirstRequest_isPendingAndEnabled_andToBeInserted() {
        var account = requested();
        assertThat(account.isNew()).isTrue();
        assertThat(account.getId()).isEqualTo(42);
        assertThat(account.getUid()).isEqualTo("B100001");
        assertThat(account.getState()).isEqualTo(State.PENDING);
        assertThat(account.isEnabled()).isTrue();
        assertThat(account.isCurrent("r1")).isTrue();
        assertThat(account.getAttempts()).isZero();
        assertThat(account.getExpiresOn()).isEqualTo(EXPIRES);
        assertThat(account.getRequestedBy()).isEqualTo("desk1");
        assertThat(account.getRequestedAt()).isEqualTo(AT);
    }

    @Test
    void failedAttempts_countAndSayWhy_thenTheWriteCompletesIt() {
        var account = requested();
        account.attemptFailed("r1", "x".repeat(300));
        account.attemptFailed("r1", "UNAVAILABLE");
        assertThat(account.getAttempts()).isEqualTo(2);
        assertThat(account.getLastError()).isEqualTo("UNAVAILABLE");
        assertThat(account.getState()).isEqualTo(State.PENDING);

        account.written("r1", AT.plusSeconds(30));
        assertThat(account.getState()).isEqualTo(State.DONE);
        assertThat(account.getCompletedAt()).isEqualTo(AT.plusSeconds(30));
        assertThat(account.getAttempts()).isEqualTo(3);
        assertThat(account.getLastError()).isNull();
    }

    @Test
    void aFailure_isCutToTheColumn() {
        var account = requested();
        account.attemptFailed("r1", "x".repeat(300));
        assertThat(account.getLastError()).hasSize(200);
    }

    @Test
    void anOlderRequest_neitherFailsNorCompletesTheAccount() {
        var account = requested();
        account.requestWrite("B100001", "r2", "desk2", AT.plusSeconds(60), EXPIRES.plusYears(1));
        assertThat(account.isCurrent("r1")).isFalse();

        assertThatThrownBy(() -> account.written("r1", AT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> account.attemptFailed("r1", "BUSY")).isInstanceOf(IllegalStateException.class);
        assertThat(account.getState()).isEqualTo(State.PENDING);
        assertThat(account.getAttempts()).isZero();
        assertThat(account.getExpiresOn()).isEqualTo(EXPIRES.plusYears(1));
    }

    @Test
    void disabling_needsAnEnabledAccount_andCompletesAsADisabling() {
        var account = requested();
        account.written("r1", AT);
        account.requestDisable("d1", "system", AT.plusSeconds(60));
        assertThat(account.isEnabled()).isFalse();
        assertThat(account.getState()).isEqualTo(State.PENDING);
        assertThat(account.getAttempts()).isZero();
        assertThat(account.getCompletedAt()).isNull();
        assertThat(account.getUid()).isEqualTo("B100001");
        assertThat(account.getExpiresOn()).isEqualTo(EXPIRES);

        assertThatThrownBy(() -> account.requestDisable("d2", "system", AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("disabled already");
        assertThatThrownBy(() -> account.written("d1", AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not written");

        account.disabled("d1", AT.plusSeconds(90));
        assertThat(account.getState()).isEqualTo(State.DONE);
        assertThat(account.isEnabled()).isFalse();
    }

    @Test
    void aWriteRequest_isNotCompletedAsADisabling() {
        var account = requested();
        assertThatThrownBy(() -> account.disabled("r1", AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not disabled");
        assertThat(account.getState()).isEqualTo(State.PENDING);
    }

    @Test
    void aDisabledAccount_isEnabledAgainByANewWrite_underItsNewUid() {
        var account = requested();
        account.requestDisable("d1", "system", AT);
        account.disabled("d1", AT);
        account.requestWrite("B100002", "r2", "desk1", AT.plusSeconds(60), EXPIRES);
        assertThat(account.isEnabled()).isTrue();
        assertThat(account.getUid()).isEqualTo("B100002");
        assertThat(account.getState()).isEqualTo(State.PENDING);
        assertThat(account.getCompletedAt()).isNull();
    }

    @Test
    void aRequest_isAskedForOnce() {
        var account = requested();
        assertThatThrownBy(() -> account.requestWrite("B100001", "r1", "desk1", AT, EXPIRES))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> account.requestDisable("r1", "desk1", AT)).isInstanceOf(IllegalStateException.class);
    }
}
