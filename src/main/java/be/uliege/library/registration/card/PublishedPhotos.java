package be.uliege.library.registration.card;

import be.uliege.library.registration.card.internal.PatronPhoto;
import be.uliege.library.registration.card.internal.PatronPhotoRepository;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-CARD-6: the patrons' card photos as other library systems ask for them, by
 * {@code <identifier>.<suffix>} — the one configured identifier type (the primary identifier or
 * an additional identifier's type) and the one configured suffix. This class only finds a photo;
 * which clients may ask is the photo service's business ({@code card.api}). Anything that is not
 * a plain identifier is refused before the database is asked.
 */
@Service
@Transactional(readOnly = true)
public class PublishedPhotos {

    /** Letters and digits only, as every identifier type is: no path, no wildcard, no control character. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9]{1,32}");

    private static final String PRIMARY = "PRIMARY";

    private final PatronPhotoRepository photos;
    private final PatronLookup patrons;
    private final @Nullable IdentifierType additionalType;
    private final String suffix;

    /**
     * @throws IllegalArgumentException when the configured identifier type or suffix is not one
     *                                  this service can publish (the application does not start)
     */
    public PublishedPhotos(PatronPhotoRepository photos, PatronLookup patrons, CardSettings settings) {
        this.photos = photos;
        this.patrons = patrons;
        var published = settings.photos();
        var type = published.identifierType() == null
                ? ""
                : published.identifierType().strip().toUpperCase(Locale.ROOT);
        if (type.equals(PRIMARY)) {
            this.additionalType = null;
        } else {
            this.additionalType = Arrays.stream(IdentifierType.values())
                    .filter(t -> t.name().equals(type))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("registration.cards.photos.identifier-type: '"
                            + published.identifierType() + "' is neither PRIMARY nor one of "
                            + Arrays.toString(IdentifierType.values())));
        }
        if (published.suffix() == null || !published.suffix().matches("[A-Za-z0-9]{1,8}")) {
            throw new IllegalArgumentException(
                    "registration.cards.photos.suffix: 1 to 8 letters or digits, such as jpg");
        }
        this.suffix = published.suffix();
    }

    /**
     * The photo published as {@code <identifier>.<suffix>}: the JPEG stored for the patron whose
     * identifier of the configured type this is (letters in any case, surrounding blanks
     * ignored). Empty when the suffix is not the configured one, the identifier is malformed, no
     * patron has it, or that patron has no photo.
     */
    // Anyone: the photo service's clients are checked by their network in PhotoController (AllowedClients).
    @PreAuthorize("permitAll()")
    public Optional<byte[]> find(@Nullable String identifier, @Nullable String suffix) {
        var normalised = normalise(identifier);
        if (normalised.isEmpty() || !this.suffix.equals(suffix)) {
            return Optional.empty();
        }
        var patron = additionalType == null
                ? patrons.byPrimaryIdentifier(normalised.get())
                : patrons.byIdentifier(additionalType, normalised.get());
        return patron.map(PatronId::value).flatMap(photos::findById).map(PatronPhoto::getJpeg);
    }

    /** The identifier stripped and in upper case, when it is letters and digits only (1 to 32). */
    public static Optional<String> normalise(@Nullable String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        var stripped = identifier.strip();
        return IDENTIFIER.matcher(stripped).matches()
                ? Optional.of(stripped.toUpperCase(Locale.ROOT))
                : Optional.empty();
    }
}
