/**
 * Shared kernel: text hygiene and search keys, the clock, translated messages and the UI chrome
 * (layout, login page) that every feature uses; who is acting ({@link
 * be.uliege.library.registration.base.CurrentStaff}: a staff member, or the {@link
 * be.uliege.library.registration.base.SystemPrincipal} the jobs and listeners run as); what several instances share in the database
 * (scheduled jobs' locks, rate-limit counters, spent challenges). Holds no rule of its own.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package be.uliege.library.registration.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
