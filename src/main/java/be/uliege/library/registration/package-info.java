/**
 * Root of the application. Each sub-package is a feature module (Spring Modulith): its root holds
 * the public API, its {@code internal} and {@code ui} sub-packages the rest. See the README for a
 * map from the rules of SPEC.md to packages.
 */
@NullMarked
package be.uliege.library.registration;

import org.jspecify.annotations.NullMarked;
