package be.uliege.library.registration.card;

import be.uliege.library.registration.patron.PatronsErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An erased patron's cards and photo go with the record (the database's cascade); what is kept by
 * identifier rather than by record — the online activation's count of wrong codes — goes here, in
 * the erasure's transaction (R-RET-1).
 */
@Component
class ErasedCards {

    private final ActivationBackoff backoff;

    ErasedCards(ActivationBackoff backoff) {
        this.backoff = backoff;
    }

    @EventListener
    void on(PatronsErased erased) {
        for (var patron : erased.patrons()) {
            backoff.forget(patron.primaryIdentifier());
        }
    }
}
