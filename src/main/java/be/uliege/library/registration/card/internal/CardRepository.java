package be.uliege.library.registration.card.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CardRepository extends JpaRepository<Card, Long> {

    /** The patron's current card: the latest that is not replaced. */
    @Query("select c from Card c where c.patronId = :patronId and c.status <> 'REPLACED' order by c.id desc limit 1")
    Optional<Card> findCurrent(long patronId);

    /** Every card printed for the patron, the latest first (R-CARD-4: replacements included). */
    List<Card> findByPatronIdOrderByIdDesc(long patronId);

    /**
     * The patron's current card, locked ({@code select … for update}) until the transaction ends:
     * two activations, or an activation and a reprint, of one card take turns.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Card c where c.patronId = :patronId and c.status <> 'REPLACED' order by c.id desc limit 1")
    Optional<Card> lockCurrent(long patronId);

    /** Every card of the patron not replaced yet, locked: a reprint replaces them. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Card c where c.patronId = :patronId and c.status <> 'REPLACED' order by c.id")
    List<Card> lockNotReplaced(long patronId);
}
