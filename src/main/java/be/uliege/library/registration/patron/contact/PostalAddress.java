package be.uliege.library.registration.patron.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A postal address as the record keeps it (R-CON-4): the street line as typed (number and box
 * included), the postal code and the locality in their own fields, the country as its ISO code.
 * Carried as such once checked, so that a letter or a screen never has to take a display string
 * apart again.
 *
 * @param street     the street line; commas separate the lines of a letter
 * @param postalCode the postal code (bpost's for Belgium)
 * @param city       the locality, as the list names it once the postal code is known
 * @param country    the country, ISO 3166-1 alpha-2 ("BE")
 */
public record PostalAddress(
        String street,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String country) {

    private static final String BELGIUM = "BE";

    /** The address on one line, for lists and the history: "Rue X 12, 4000 Liège (BE)". */
    public String display() {
        return street + ", " + postalCode + " " + city + " (" + country + ")";
    }

    /** The same address with its locality named otherwise (in the reader's language, "Luik" → "Liège"). */
    public PostalAddress withCity(String named) {
        return new PostalAddress(street, postalCode, named, country);
    }

    /**
     * The lines of a letter's address, the name excluded: the street's lines, the postal code and
     * locality, and outside Belgium the country in words, in capitals.
     *
     * @param language the language the country is named in
     */
    public List<String> letterLines(Locale language) {
        var lines = new ArrayList<String>(List.of(street.split("\\s*,\\s*")));
        lines.add(postalCode + " " + city);
        if (country != null && !BELGIUM.equals(country)) {
            lines.add(Locale.of("", country).getDisplayCountry(language).toUpperCase(Locale.ROOT));
        }
        return lines;
    }
}
