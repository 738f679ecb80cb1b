/** The development-only page that shows the mails the embedded mail server received. */
@NullMarked
package be.uliege.library.registration.embedded.ui;

import org.jspecify.annotations.NullMarked;
