/**
 * Staff sign-in against the university directory and the three staff roles (R-DESK-1): desk
 * operator; desk manager (also waives fees, reprints, BX patrons, conversions, merges); user
 * administrator (also configuration, loads, purges, identifier edits). A higher role includes the
 * lower ones.
 */
@NullMarked
package be.uliege.library.registration.security;

import org.jspecify.annotations.NullMarked;
