package be.uliege.library.registration.patron.identifier;

import org.springframework.modulith.NamedInterface;

/** Types of additional identifiers (R-ID-4, R-ID-5). */
@NamedInterface("identifier")
public enum IdentifierType {
    BARCODE,
    /** The university's unique key ("P identifier"), match point of the nightly load. */
    UNIVERSITY_KEY,
    /** A primary identifier the patron had before a conversion (to B, to BX). */
    FORMER_PRIMARY
}
