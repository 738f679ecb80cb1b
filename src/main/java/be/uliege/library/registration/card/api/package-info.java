/** The public card activation API (R-CARD-5) and the photo service for other library systems (R-CARD-6). */
@NullMarked
package be.uliege.library.registration.card.api;

import org.jspecify.annotations.NullMarked;
