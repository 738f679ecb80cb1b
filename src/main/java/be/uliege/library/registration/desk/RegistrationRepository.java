package be.uliege.library.registration.desk;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RegistrationRepository extends JpaRepository<Registration, Long> {

    /** The patron's latest registration step. */
    Optional<Registration> findFirstByPatronIdOrderByRegisteredAtDescIdDesc(long patronId);

    /** Every registration step of the patron, the latest first. */
    List<Registration> findByPatronIdOrderByRegisteredAtDescIdDesc(long patronId);

    /** When the patron's last registration step ran, if ever. */
    @Query("select max(r.registeredAt) from Registration r where r.patronId = :patronId")
    Optional<Instant> lastRegisteredAt(long patronId);

    /** The registration, locked ({@code select … for update}) until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Registration r where r.id = :id")
    Optional<Registration> lockById(long id);
}
