package be.uliege.library.registration.patron;

import org.jspecify.annotations.Nullable;

/** A contact item whose value passed the rules, in its stored form. */
record CheckedContact(
        ContactKind kind,
        ContactUsage usage,
        boolean preferred,
        String value,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String country) {}
