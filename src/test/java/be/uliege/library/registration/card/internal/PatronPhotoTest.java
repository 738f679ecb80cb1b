package be.uliege.library.registration.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.card.Cards.PhotoSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** R-CARD-1, R-CARD-2: one photo per patron, which a new one replaces. */
class PatronPhotoTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aFirstPhoto_isToBeInserted_andANewOneReplacesIt() {
        var photo = PatronPhoto.taken(42, new byte[] {1, 2, 3}, PhotoSource.CAMERA, "desk1", AT);
        assertThat(photo.isNew()).isTrue();
        assertThat(photo.getId()).isEqualTo(42);
        assertThat(photo.getJpeg()).containsExactly(1, 2, 3);
        assertThat(photo.getSource()).isEqualTo(PhotoSource.CAMERA);

        photo.stored();
        photo.replaceWith(new byte[] {4}, PhotoSource.UPLOAD, "desk2", AT.plusSeconds(60));
        assertThat(photo.isNew()).isFalse();
        assertThat(photo.getJpeg()).containsExactly(4);
        assertThat(photo.getSource()).isEqualTo(PhotoSource.UPLOAD);
        assertThat(photo.getTakenBy()).isEqualTo("desk2");
        assertThat(photo.getTakenAt()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void anEmptyPhoto_isRefused_andKeepsTheOldOne() {
        assertThatThrownBy(() -> PatronPhoto.taken(42, new byte[0], PhotoSource.UPLOAD, "desk1", AT))
                .isInstanceOf(IllegalArgumentException.class);
        var photo = PatronPhoto.taken(42, new byte[] {1}, PhotoSource.UPLOAD, "desk1", AT);
        assertThatThrownBy(() -> photo.replaceWith(new byte[0], PhotoSource.CAMERA, "desk2", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(photo.getJpeg()).containsExactly(1);
        assertThat(photo.getTakenBy()).isEqualTo("desk1");
    }

    @Test
    void theStoredBytes_areNotChangedThroughWhatWasGivenOrReturned() {
        var given = new byte[] {1, 2};
        var photo = PatronPhoto.taken(42, given, PhotoSource.UPLOAD, "desk1", AT);
        given[0] = 9;
        photo.getJpeg()[1] = 9;
        assertThat(photo.getJpeg()).containsExactly(1, 2);
    }
}
