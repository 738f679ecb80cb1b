/**
 * Root of the application. Each sub-package is a feature module (Spring Modulith), checked by
 * {@code ModularityTests}; a module's root package is its API, its sub-packages are its own unless
 * they are a named interface:
 * <ul>
 *   <li>{@code base}: the shared kernel (an open module): text hygiene, the clock, the shared
 *       limits and locks of several instances, the API's problem answers ({@code base.api}), the
 *       layout and the screens' common parts ({@code base.ui}), {@code Violation}, and who is
 *       acting ({@code CurrentStaff}; {@code SystemPrincipal} for the jobs and listeners).</li>
 *   <li>{@code patron}: the record and its rules; its API split by audience ({@code PatronService}
 *       for the desk, {@code Patrons} for the other features and the jobs, {@code PatronLookup} for
 *       ids and locks by {@code PatronId}, {@code PatronHistory}). {@code patron.identifier} (R-ID),
 *       {@code patron.contact} (R-CON), {@code patron.duplicate} (R-DESK-3, R-PRE-5) are named
 *       interfaces; {@code patron.history} (R-REC-6) and {@code patron.internal} (repositories,
 *       checked drafts, the record's parts) are not; {@code patron.ui} holds the desk's search and
 *       record screens, and the desk site and patron opening every desk screen shares.</li>
 *   <li>{@code preregistration}: the public form and its API (R-PRE), the queue's data.</li>
 *   <li>{@code desk}: validation, walk-ins, the registration step and its mails (R-DESK).</li>
 *   <li>{@code fee}: fees, receipts, the cash report (R-FEE); {@code fee.ui} is a named interface.</li>
 *   <li>{@code card}: photos, cards and letters, activation, the photo service (R-CARD); its
 *       aggregates in {@code card.internal}.</li>
 *   <li>{@code directory}: the LDAP directory, staff and patrons' accounts (R-INT-1, R-DESK-1).</li>
 *   <li>{@code mail}, {@code security}, {@code embedded} (the embedded defaults).</li>
 * </ul>
 * Each table belongs to one module ({@code TableOwnershipTest}); every public service method says
 * who may call it ({@code AuthorisedServicesTest}). The README maps the rules of
 * SPEC.md to packages.
 *
 * @see "docs/decisions/0010-tables-belong-to-modules.md"
 */
@NullMarked
package be.uliege.library.registration;

import org.jspecify.annotations.NullMarked;
