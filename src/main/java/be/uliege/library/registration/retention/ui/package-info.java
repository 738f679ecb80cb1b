/** The retention screens: the purge's preview, runs and holds for administrators, and a patron's data rights for managers. */
@NullMarked
package be.uliege.library.registration.retention.ui;

import org.jspecify.annotations.NullMarked;
