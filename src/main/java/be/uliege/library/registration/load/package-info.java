/**
 * The nightly load of the university's people (R-SIS-1…5): the file of staff (U), students (S)
 * and hospital staff (C) in Alma's user XML, read as a stream, applied by a Spring Batch job under
 * the cluster lock, with its runs, counts and rejected rows for the user administrators.
 */
@NullMarked
package be.uliege.library.registration.load;

import org.jspecify.annotations.NullMarked;
