package be.uliege.library.registration.fee;

import java.math.BigDecimal;

/**
 * A registration cannot be completed while a fee is open (R-DESK-6): the record stays inactive
 * until the fee is paid or waived.
 */
public class FeesDueException extends RuntimeException {

    private final BigDecimal total;

    FeesDueException(BigDecimal total) {
        super("Fees are due: " + total);
        this.total = total;
    }

    public BigDecimal total() {
        return total;
    }
}
