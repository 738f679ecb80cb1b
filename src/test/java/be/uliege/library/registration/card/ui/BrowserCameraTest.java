package be.uliege.library.registration.card.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.card.PhotoImages;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** R-CARD-1: what the browser sends as the taken picture is accepted only as a JPEG data URL within the upload limit. */
class BrowserCameraTest {

    @Test
    void aJpegDataUrlGivesItsBytes() {
        var bytes = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        assertThat(BrowserCamera.jpeg(
                        "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(bytes)))
                .containsExactly(bytes);
    }

    @Test
    void anythingElseIsRefused_beforeItIsDecoded() {
        assertThat(BrowserCamera.jpeg(null)).isNull();
        assertThat(BrowserCamera.jpeg("")).isNull();
        assertThat(BrowserCamera.jpeg("data:image/png;base64,iVBORw0KGgo="))
                .as("not the JPEG the page asks for")
                .isNull();
        assertThat(BrowserCamera.jpeg("data:text/html;base64,PHNjcmlwdD4=")).isNull();
        assertThat(BrowserCamera.jpeg("data:image/jpeg;base64,@@not base64@@")).isNull();
        assertThat(BrowserCamera.jpeg("javascript:alert(1)")).isNull();
        var tooLarge = "data:image/jpeg;base64," + "A".repeat(BrowserCamera.MAX_DATA_URL);
        assertThat(BrowserCamera.jpeg(tooLarge))
                .as("more than the upload limit")
                .isNull();
    }

    @Test
    void theLimitIsTheUploadLimit() {
        var atTheLimit =
                "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(new byte[PhotoImages.MAX_BYTES]);
        assertThat(atTheLimit).hasSizeLessThanOrEqualTo(BrowserCamera.MAX_DATA_URL);
        assertThat(BrowserCamera.jpeg(atTheLimit)).hasSize(PhotoImages.MAX_BYTES);
    }
}
