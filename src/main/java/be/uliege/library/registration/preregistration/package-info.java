/**
 * Public pre-registration (R-PRE-1…6): the form's data checked by the patron rules, an inactive
 * B95 record, the e-mail confirmation by a single-use link, the expiry of what is never confirmed
 * or never validated, the resemblance flag for staff, and the defences against automated abuse
 * (proof-of-work challenge, hidden field, rate limits, double-submit protection), which one use case
 * ({@link be.uliege.library.registration.preregistration.PublicSubmissions}) runs in one order for
 * the page and the API.
 */
@NullMarked
package be.uliege.library.registration.preregistration;

import org.jspecify.annotations.NullMarked;
