/**
 * Patron cards (R-CARD-1…6): the photo (the desk's camera or an uploaded file, framed at card
 * resolution), the card and its letter as PDF, reprints, the online activation with its
 * 4-digit code, and the photo service for other library systems.
 */
@NullMarked
package be.uliege.library.registration.card;

import org.jspecify.annotations.NullMarked;
