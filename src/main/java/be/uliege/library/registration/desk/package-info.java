/**
 * The desk's work on a patron (R-DESK-2…6, R-CNV-1): the queue of pre-registrations, their
 * validation beside the possible duplicates, walk-in registrations, and the registration step —
 * the record activated, the directory account and the welcome mail from committed events.
 */
@NullMarked
package be.uliege.library.registration.desk;

import org.jspecify.annotations.NullMarked;
