/**
 * Reading the university's file (R-SIS-1): Alma's user XML, plain or zipped, as a stream whose
 * memory does not grow with the file, hardened against hostile input (no DTD, no entity, bounded
 * values, real decompressed sizes counted). A whole-file problem refuses the file; a row problem
 * makes that row unreadable and the reading goes on.
 */
@NullMarked
package be.uliege.library.registration.load.file;

import org.jspecify.annotations.NullMarked;
