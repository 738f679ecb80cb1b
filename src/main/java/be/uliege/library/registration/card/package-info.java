/**
 * Patron cards (R-CARD-1…6): the photo (the desk's camera or an uploaded file, framed at card
 * resolution), the card and its letter as PDF, reprints, the online activation with its
 * 4-digit code, and the photo service for other library systems. Where the application runs on
 * the desk computer itself, {@link be.uliege.library.registration.card.ServerCamera} takes the
 * photo with that computer's camera (R-CARD-1, off by default).
 */
@NullMarked
package be.uliege.library.registration.card;

import org.jspecify.annotations.NullMarked;
