package be.uliege.library.registration.preregistration;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PreRegistrationRepository extends JpaRepository<PreRegistration, Long> {

    List<PreRegistration> findByStatusAndCreatedAtBefore(PreRegistrationStatus status, Instant before);

    List<PreRegistration> findByStatusAndConfirmedAtBefore(PreRegistrationStatus status, Instant before);

    @Query("""
            select p from PreRegistration p where p.status = 'CONFIRMED' and p.confirmedAt < :before
            and p.reminderSentAt is null""")
    List<PreRegistration> dueForReminder(Instant before);

    /** The desk's queue: confirmed entries, oldest first (R-DESK-2). */
    List<PreRegistration> findByStatusOrderByConfirmedAtAsc(PreRegistrationStatus status);

    /**
     * The entry, locked ({@code select … for update}) until the transaction ends: two operators
     * opening or deciding it at the same moment take turns, and the second sees what the first did.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PreRegistration p where p.id = :id")
    Optional<PreRegistration> lockById(long id);
}
