/**
 * The patron record and its rules (SPEC §1–5): primary and additional identifiers and their
 * sequences (R-ID-1…4, R-ID-6), the record's required fields and dates (R-REC-2…6), user groups and
 * job categories (R-GRP-1…3), contact information and its checks (R-CON-1…4), local versus external
 * data (R-EXT-1…2). Every rule is enforced here, whatever screen or interface the data comes from.
 */
@NullMarked
package be.uliege.library.registration.patron;

import org.jspecify.annotations.NullMarked;
