/**
 * The desk's fee panel (R-FEE-2): fees shown, cash taken with its receipt, waivers by a manager —
 * for the registration step and for a card's replacement (R-CARD-4).
 */
@NullMarked
@NamedInterface("ui")
package be.uliege.library.registration.fee.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
