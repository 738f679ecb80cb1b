/** The public card activation page (R-CARD-5) and the desk's card screens. */
@NullMarked
package be.uliege.library.registration.card.ui;

import org.jspecify.annotations.NullMarked;
