/**
 * The university's LDAP directory, through the UnboundID SDK: staff sign-in and their role groups
 * (R-DESK-1), and the patrons' accounts (R-INT-1, R-DESK-4). Every filter and DN is built from
 * escaped values, never by string concatenation of what a person typed.
 */
@NullMarked
package be.uliege.library.registration.directory;

import org.jspecify.annotations.NullMarked;
