package be.uliege.library.registration.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import be.uliege.library.registration.card.internal.PatronPhotoRepository;
import be.uliege.library.registration.patron.PatronLookup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R-CARD-6: the photo service's settings are checked at startup, and a request that does not
 * name a photo the plain way (letters and digits, the configured suffix) never reaches the
 * database. Finding photos on MariaDB: {@code card.api.PhotoServiceIT}.
 */
class PublishedPhotosTest {

    static CardSettings settings(String identifierType, String suffix) {
        return new CardSettings(
                "https://example.org/activate",
                "0123456789abcdef",
                5,
                10,
                30,
                Duration.ofMinutes(10),
                List.of(),
                new CardSettings.Photos(identifierType, suffix, List.of("127.0.0.1/32"), ""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "..",
                "../B123456",
                "B123456/..",
                "B123456\u0000",
                "B 123456",
                "B123456%00",
                "B123456'--",
                "*",
                "B12345É",
                "B123\n456",
                "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
            })
    void aMalformedIdentifier_isNotLookedUp(String identifier) {
        var jdbc = mock(PatronPhotoRepository.class);
        var photos = new PublishedPhotos(jdbc, mock(PatronLookup.class), settings("PRIMARY", "jpg"));
        assertThat(photos.find(identifier, "jpg")).isEmpty();
        assertThat(photos.find(null, "jpg")).isEmpty();
        verifyNoInteractions(jdbc);
    }

    @Test
    void anotherSuffix_isNotLookedUp() {
        var jdbc = mock(PatronPhotoRepository.class);
        var photos = new PublishedPhotos(jdbc, mock(PatronLookup.class), settings("PRIMARY", "jpg"));
        for (var suffix : List.of("", "JPG", "jpeg", "png", "jpg ", "jpg.jpg")) {
            assertThat(photos.find("B123456", suffix)).isEmpty();
        }
        assertThat(photos.find("B123456", null)).isEmpty();
        verifyNoInteractions(jdbc);
    }

    @Test
    void theIdentifier_strippedInUpperCase() {
        assertThat(PublishedPhotos.normalise(" b123456 ")).hasValue("B123456");
        assertThat(PublishedPhotos.normalise("B".repeat(32))).hasValue("B".repeat(32));
        assertThat(PublishedPhotos.normalise("B".repeat(33))).isEmpty();
    }

    @Test
    void theIdentifierType_primaryOrAnAdditionalType_elseTheStartStops() {
        var jdbc = mock(PatronPhotoRepository.class);
        new PublishedPhotos(jdbc, mock(PatronLookup.class), settings("PRIMARY", "jpg"));
        new PublishedPhotos(jdbc, mock(PatronLookup.class), settings("barcode", "jpg"));
        new PublishedPhotos(jdbc, mock(PatronLookup.class), settings("UNIVERSITY_KEY", "jpeg"));
        assertThatThrownBy(() -> new PublishedPhotos(jdbc, mock(PatronLookup.class), settings("EMAIL", "jpg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "registration.cards.photos.identifier-type: 'EMAIL' is neither PRIMARY nor one of");
        assertThatThrownBy(() -> new PublishedPhotos(jdbc, mock(PatronLookup.class), settings("PRIMARY", "../jpg")))
                .hasMessageStartingWith("registration.cards.photos.suffix");
        assertThatThrownBy(() -> new PublishedPhotos(jdbc, mock(PatronLookup.class), settings("PRIMARY", "")))
                .hasMessageStartingWith("registration.cards.photos.suffix");
    }
}
