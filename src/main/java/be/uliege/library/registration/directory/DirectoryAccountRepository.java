package be.uliege.library.registration.directory;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DirectoryAccountRepository extends JpaRepository<DirectoryAccount, Long> {

    /** The patron's account, locked ({@code select … for update}) until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from DirectoryAccount a where a.patronId = :patronId")
    Optional<DirectoryAccount> lockByPatronId(long patronId);

    /** Whether this request is the account's latest and waits for the directory (no entity loaded). */
    @Query("select count(a) > 0 from DirectoryAccount a where a.patronId = :patronId and a.requestId = :requestId "
            + "and a.state = 'PENDING'")
    boolean awaits(long patronId, String requestId);

    /** Whether the account is enabled under this uid (no entity loaded). */
    @Query("select count(a) > 0 from DirectoryAccount a where a.patronId = :patronId and a.uid = :uid "
            + "and a.action = 'WRITE'")
    boolean enabledAs(long patronId, String uid);

    long countByState(PatronAccounts.State state);
}
