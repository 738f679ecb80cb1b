package be.uliege.library.registration.card;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a card and its letter print (R-CARD-3): no expiry date, the card is valid for life
 * (R-CARD-3a).
 *
 * @param photoJpeg      the framed photo ({@link CardPhoto#WIDTH} × {@link CardPhoto#HEIGHT}), or null: an empty frame
 * @param activationCode the 4 digits, or null for a card printed already activated (R-CARD-4)
 * @param addressLines   the letter's postal address, one line each (name excluded); may be empty
 * @param activationUrl  where the patron activates the card online
 * @param triesBeforeLock wrong codes before further tries must wait, as the letter explains it (R-CARD-5)
 */
public record CardPrint(
        String identifier,
        String firstName,
        String lastName,
        byte @Nullable [] photoJpeg,
        @Nullable String activationCode,
        @Nullable Gender gender,
        @Nullable Language language,
        List<String> addressLines,
        String activationUrl,
        int triesBeforeLock) {

    public CardPrint {
        addressLines = List.copyOf(addressLines);
        if (triesBeforeLock < 1) {
            throw new IllegalArgumentException("A card locks after at least one wrong code");
        }
    }

    @Override
    public String toString() {
        return "CardPrint[" + identifier + "]"; // no names, no code in logs
    }
}
