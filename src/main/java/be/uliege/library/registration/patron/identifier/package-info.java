/**
 * Identifiers (R-ID-1…6): the primary identifier's form per kind, the ranges and their sequences
 * (never reused, R-ID-3), and the types of additional identifiers. Only {@code PrimaryIdentifier}
 * and {@code IdentifierType} are for other modules (named interface "identifier"); the sequences
 * are the patron module's own.
 */
@NullMarked
package be.uliege.library.registration.patron.identifier;

import org.jspecify.annotations.NullMarked;
