package be.uliege.library.registration.patron.internal;

import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import org.jspecify.annotations.Nullable;

/** A contact item whose value passed the rules, in its stored form. */
public record CheckedContact(
        ContactKind kind,
        ContactUsage usage,
        boolean preferred,
        String value,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String country) {}
