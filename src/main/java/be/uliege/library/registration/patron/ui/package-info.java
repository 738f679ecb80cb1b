/** The desk's patron screens: search (R-ID-6) and the patron's record with its history (R-REC-6, R-EXT-1). */
@NullMarked
package be.uliege.library.registration.patron.ui;

import org.jspecify.annotations.NullMarked;
