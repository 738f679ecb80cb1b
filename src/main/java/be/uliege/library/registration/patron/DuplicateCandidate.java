package be.uliege.library.registration.patron;

import be.uliege.library.registration.patron.duplicate.Resemblance;

/** A record that may be the same person as a draft, with the score and its reasons (R-DESK-3). */
public record DuplicateCandidate(long id, Resemblance.Score score) {}
