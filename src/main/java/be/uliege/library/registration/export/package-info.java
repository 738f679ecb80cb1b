/**
 * The export of the external patrons (B, BX) to the library system (R-INT-3): Alma's user XML for
 * its SIS synchronize job, full or delta (changed since the last completed export, erased patrons
 * included as inactive users to purge), zipped, at most 20,000 users per file, written to a folder
 * the library system fetches from, nightly under the cluster lock and on demand; the runs and their
 * files for user administrators. The codes Alma expects are configuration (ULiège's values in
 * {@code application.yml}), documented in {@code docs/alma-user-mapping.md}.
 */
@NullMarked
package be.uliege.library.registration.export;

import org.jspecify.annotations.NullMarked;
