package be.uliege.library.registration.card;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The camera attached to the computer the application runs on (R-CARD-1, {@link ServerCamera}),
 * for a desk station where the application itself runs on the desk computer. Off by default: a
 * server in a machine room has no camera, and the library is then never loaded.
 *
 * @param enabled whether the card screen may take the photo with this camera
 * @param timeout the longest a capture may take, finding the camera, opening it, taking a frame and
 *                closing it included; after it the caller gets "no camera", never a hang
 * @param width   the preferred frame width in pixels (the camera's nearest size is used)
 * @param height  the preferred frame height in pixels
 * @param device  part of the camera's name as the system lists it (e.g. {@code /dev/video2} or
 *                {@code C920}), case-insensitive; empty: the first camera found
 */
@ConfigurationProperties("registration.cards.server-camera")
public record ServerCameraSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("PT5S") Duration timeout,
        @DefaultValue("640") int width,
        @DefaultValue("480") int height,
        @DefaultValue("") String device) {

    /** The longest timeout accepted: a desk operator should not wait longer for "no camera". */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    public ServerCameraSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("registration.cards.server-camera.timeout: more than 0, at most PT1M");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("registration.cards.server-camera: width and height must be positive");
        }
        device = device == null ? "" : device.strip();
    }
}
