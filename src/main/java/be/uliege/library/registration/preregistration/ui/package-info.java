/** The public pages: the pre-registration form and the e-mail confirmation (R-PRE-1…4). */
@NullMarked
package be.uliege.library.registration.preregistration.ui;

import org.jspecify.annotations.NullMarked;
