/** The exports screen for user administrators (R-INT-3). */
@NullMarked
package be.uliege.library.registration.export.ui;

import org.jspecify.annotations.NullMarked;
