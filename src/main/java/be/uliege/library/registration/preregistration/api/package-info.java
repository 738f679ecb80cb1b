/**
 * The public REST API a library puts on its own website (R-PRE-1…6): pre-registration, e-mail
 * confirmation, the challenge, and the reference data the form needs (postal codes, job
 * categories). Errors are RFC 9457 problem details with one entry per failing field, in the
 * language of {@code Accept-Language}.
 */
@NullMarked
package be.uliege.library.registration.preregistration.api;

import org.jspecify.annotations.NullMarked;
