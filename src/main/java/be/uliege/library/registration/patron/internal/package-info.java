/**
 * The patron module's internals: repositories, the checked drafts the rules hand to the record,
 * and the record's own parts (contact items, additional identifiers, notes). Not for other modules.
 */
@NullMarked
package be.uliege.library.registration.patron.internal;

import org.jspecify.annotations.NullMarked;
