/** The chrome of the desk: the login page, the main layout with role-guarded navigation. */
@NullMarked
package be.uliege.library.registration.base.ui;

import org.jspecify.annotations.NullMarked;
