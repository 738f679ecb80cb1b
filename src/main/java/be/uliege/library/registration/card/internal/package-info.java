/**
 * The card module's aggregates and their repositories: a printed card ({@link
 * be.uliege.library.registration.card.internal.Card}) and a patron's photo ({@link
 * be.uliege.library.registration.card.internal.PatronPhoto}). Not for other modules: they go
 * through {@link be.uliege.library.registration.card.Cards} and {@link
 * be.uliege.library.registration.card.PublishedPhotos} (docs/decisions/0010-tables-belong-to-modules.md).
 */
@NullMarked
package be.uliege.library.registration.card.internal;

import org.jspecify.annotations.NullMarked;
