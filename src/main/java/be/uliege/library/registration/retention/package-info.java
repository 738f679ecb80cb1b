/**
 * Retention and the patrons' data rights (R-RET-1, R-RET-2): the preview of who a purge would
 * remove and why, the nightly purge under the cluster lock (records past their purge date, owing
 * nothing, not held), its runs and reports, a manager's hold, and the erasure of a patron at their
 * request through the same path. What each module keeps of a patron is removed by the database's
 * cascades and by each module on {@code PatronsErased}.
 */
@NullMarked
package be.uliege.library.registration.retention;

import org.jspecify.annotations.NullMarked;
