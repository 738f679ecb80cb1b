/**
 * Honest answers for the whole public API ({@code /api/**}): every failure, wherever it happens —
 * a controller, a filter, Spring Security, the servlet container's {@code /error} dispatch — is an
 * RFC 9457 {@code application/problem+json} in the client's language with the right status (404,
 * 405 with {@code Allow}, 406, 413, 415, 400 for malformed JSON or a duplicate key, 503 with
 * {@code Retry-After} when the database or another dependency is unavailable, 500 with an error id
 * that the log line carries). Bodies over {@code registration.api.max-body-size} are refused before
 * they are read (R-PRE-6: an abusive client cannot exhaust the server). Feature advice (such as
 * the pre-registration's field errors) answers its own exceptions first.
 */
@NullMarked
package be.uliege.library.registration.base.api;

import org.jspecify.annotations.NullMarked;
