package be.uliege.library.registration.card;

import be.uliege.library.registration.card.internal.Card;
import be.uliege.library.registration.card.internal.CardRepository;
import be.uliege.library.registration.security.Roles;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded defaults' demo cards (issue 14: no demo-only method in the production service): a
 * bean only where the embedded demo data are on, printing a card with a code known in advance so
 * that the README can list it.
 */
@Service
@ConditionalOnProperty(
        prefix = "registration.embedded",
        name = {"enabled", "demo-data"},
        havingValue = "true",
        matchIfMissing = true)
public class DemoCards {

    private final CardRepository cards;
    private final ActivationCodes codes;
    private final Clock clock;
    private final Environment environment;

    DemoCards(CardRepository cards, ActivationCodes codes, Clock clock, Environment environment) {
        this.cards = cards;
        this.codes = codes;
        this.clock = clock;
        this.environment = environment;
    }

    /** A first card, printed at the desk "ALP" by "demo", not activated, whose code is the one given. */
    @PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
    @Transactional
    public void print(long patronId, String code) {
        if (!environment.getProperty("registration.embedded.enabled", Boolean.class, false)
                || !environment.getProperty("registration.embedded.demo-data", Boolean.class, false)) {
            throw new IllegalStateException("Demo cards exist only with the embedded demo data");
        }
        if (!code.matches("\\d{4}")) {
            throw new IllegalArgumentException("An activation code has 4 digits");
        }
        var card = cards.save(Card.printed(patronId, Cards.Reason.FIRST, "ALP", "demo", clock.instant()));
        card.issueCode(codes.hash(card.getId(), code));
    }
}
