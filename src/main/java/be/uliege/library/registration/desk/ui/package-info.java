/** The desk's screens: the queue, the validation of an entry, walk-ins and the registration step. */
@NullMarked
package be.uliege.library.registration.desk.ui;

import org.jspecify.annotations.NullMarked;
