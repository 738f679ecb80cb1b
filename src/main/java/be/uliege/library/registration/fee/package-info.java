/**
 * Fees (R-FEE-1…3, R-DESK-6): what a registration costs, cash taken at the desk with its receipt,
 * waivers by a desk manager, and the cash report of a desk day.
 */
@NullMarked
package be.uliege.library.registration.fee;

import org.jspecify.annotations.NullMarked;
