/**
 * The duplicate engine (R-DESK-3, R-PRE-5) and the suspicious-data flags (R-DESK-2): how much two
 * people look like one ({@link be.uliege.library.registration.patron.duplicate.Resemblance}, with
 * name sounds, first-name forms, transliterations and keyboard typos), and what in an entry looks
 * wrong ({@link be.uliege.library.registration.patron.duplicate.SuspiciousData}). Measured on the
 * labelled sets in {@code src/test/resources/duplicates/}.
 */
@NullMarked
@NamedInterface("duplicate")
package be.uliege.library.registration.patron.duplicate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
