/**
 * The record's history (R-REC-6): every change, field by field, with who and when; read by the
 * desk's history panel. Internal to the patron module.
 */
@NullMarked
package be.uliege.library.registration.patron.history;

import org.jspecify.annotations.NullMarked;
