package be.uliege.library.registration.card;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Printing a patron's card at the desk, as one use case (R-CARD-1…4): the card recorded (with its
 * reprint rules and replacement fee, in {@link Cards#print}), then the card and its letter made as
 * PDF. The screen only offers the documents; nothing is stored of them, since the letter holds the
 * activation code in clear (R-CARD-5).
 */
@Service
public class CardPrinting {

    private final Cards cards;
    private final CardPdf cardPdf;
    private final CardLetterPdf letterPdf;
    private final CurrentStaff staff;

    CardPrinting(Cards cards, CardPdf cardPdf, CardLetterPdf letterPdf, CurrentStaff staff) {
        this.cards = cards;
        this.staff = staff;
        this.cardPdf = cardPdf;
        this.letterPdf = letterPdf;
    }

    /** The documents of a card just printed: the card, and its letter when the card has a code to activate. */
    public record Documents(String identifier, byte[] card, byte @Nullable [] letter) {}

    /**
     * Records the card and makes its documents.
     *
     * @throws FeesDueException when a reprint's replacement fee is open, or was never charged
     * @see Cards#print
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "') and (#reason.name() == 'FIRST' or hasRole('"
            + Roles.DESK_MANAGER + "'))")
    public Documents print(long patronId, String site, Cards.Reason reason, Cards.Printing printing) {
        var print = cards.print(patronId, site, reason, printing).print();
        return new Documents(
                print.identifier(),
                cardPdf.render(print),
                print.activationCode() == null ? null : letterPdf.render(print));
    }

    /** Whether the staff member may reprint a card: a desk manager (R-CARD-4, R-DESK-1). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean mayReprint() {
        return staff.hasRole(Roles.DESK_MANAGER);
    }
}
