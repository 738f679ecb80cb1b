/**
 * The library's mails (R-INT-2): plain-text messages from the message bundles, in the patron's
 * language (fre or eng), with "Madame", "Monsieur" or a neutral salutation (R-REC-1), over SMTP.
 * Callers send from listeners of committed events, so that a mail server that is down delays a
 * mail without blocking the desk or losing it.
 */
@NullMarked
package be.uliege.library.registration.mail;

import org.jspecify.annotations.NullMarked;
