package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One public submission as it reaches the server, from the page or the API (R-PRE-1, R-PRE-6): the
 * form, who sent it, and what the defences against robots look at.
 *
 * @param form          what was typed
 * @param clientAddress the client's network address, for the rate limits
 * @param honeypot      the hidden field: people leave it empty
 * @param challenge     the proof-of-work challenge the client solved
 * @param nonce         its solution
 * @param unreadable    fields the client sent in a type that could not be read (a number for a
 *                      name, an unknown choice): reported with every other broken rule
 */
public record Submission(
        PreRegistrationForm form,
        String clientAddress,
        @Nullable String honeypot,
        @Nullable String challenge,
        @Nullable String nonce,
        List<Violation> unreadable) {

    public Submission {
        unreadable = List.copyOf(unreadable);
    }

    /** A submission whose every field could be read, as the page sends it. */
    public Submission(
            PreRegistrationForm form,
            String clientAddress,
            @Nullable String honeypot,
            @Nullable String challenge,
            @Nullable String nonce) {
        this(form, clientAddress, honeypot, challenge, nonce, List.of());
    }
}
