/**
 * Contact values and their checks (R-CON-1…4): e-mail addresses, digits-only phone numbers, bpost's
 * Belgian postal codes and localities, look-alike letters (homoglyphs), and the contact drafts and
 * kinds the record is made of. Values here are checked once and then carried typed. Other modules
 * use them through this named interface.
 */
@NullMarked
@NamedInterface("contact")
package be.uliege.library.registration.patron.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
