package be.uliege.library.registration.preregistration;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
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
}
