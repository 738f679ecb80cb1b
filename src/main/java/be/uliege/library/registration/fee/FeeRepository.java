package be.uliege.library.registration.fee;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FeeRepository extends JpaRepository<Fee, Long> {

    List<Fee> findByPatronIdOrderByCreatedAtDescIdDesc(long patronId);

    List<Fee> findByReceiptNumberOrderById(String receiptNumber);

    /** The fees of the registration in progress: of a registration type, not used by a registration step yet. */
    @Query(
            "select f from Fee f where f.patronId = :patronId and f.type in :types and f.registrationId is null order by f.id")
    List<Fee> findUnusedRegistrationFees(long patronId, Collection<String> types);

    /** The registration fees that registration steps used, the latest step's first. */
    @Query("select f from Fee f where f.patronId = :patronId and f.type in :types and f.registrationId is not null "
            + "order by f.registrationId desc, f.id")
    List<Fee> findUsedRegistrationFees(long patronId, Collection<String> types);

    /** The card replacement fee charged for the reprint in progress: not used by a card yet. */
    @Query("select f from Fee f where f.patronId = :patronId and f.type = :type and f.cardId is null order by f.id")
    List<Fee> findUnusedCardFees(long patronId, String type);
}
