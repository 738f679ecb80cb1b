package be.uliege.library.registration.card;

import be.uliege.library.registration.card.ServerCamera.CameraUnavailableException;
import com.github.sarxos.webcam.Webcam;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * The one class that touches {@code webcam-capture} (R-CARD-1): loaded only when a capture is
 * asked for with the server camera enabled, and only ever run on {@link ServerCamera}'s daemon
 * worker, so that every thread the library starts is a daemon too and a blocked call costs the
 * caller no more than the configured timeout.
 */
final class WebcamLibrary implements ServerCamera.FrameSource {

    @Override
    public BufferedImage grab(ServerCameraSettings settings, Duration budget)
            throws TimeoutException, CameraUnavailableException {
        // Look afresh each time: a camera plugged in since the last capture is found, one unplugged is
        // forgotten. The library would otherwise keep its first list for the life of the JVM.
        Webcam.resetDriver();
        // No background rescan every 3 seconds: the list is read when a photo is asked for, never else.
        Webcam.getDiscoveryService().setEnabled(false);
        Webcam.setAutoOpenMode(false);
        Webcam.setHandleTermSignal(false);
        List<Webcam> webcams = Webcam.getWebcams(Math.max(1, budget.toMillis()));
        Webcam webcam = choose(webcams, settings.device());
        Dimension size = ServerCamera.nearest(webcam.getViewSizes(), settings.width(), settings.height());
        if (size != null) {
            webcam.setViewSize(size);
        }
        if (!webcam.open()) {
            throw new CameraUnavailableException("could not open " + webcam.getName());
        }
        try {
            BufferedImage image = webcam.getImage();
            if (image == null) {
                throw new CameraUnavailableException("no frame from " + webcam.getName());
            }
            return image;
        } finally {
            close(webcam);
        }
    }

    private static Webcam choose(List<Webcam> webcams, String device) throws CameraUnavailableException {
        if (webcams.isEmpty()) {
            throw new CameraUnavailableException("no camera found");
        }
        if (device.isEmpty()) {
            return webcams.getFirst();
        }
        String wanted = device.toLowerCase(Locale.ROOT);
        return webcams.stream()
                .filter(webcam -> webcam.getName().toLowerCase(Locale.ROOT).contains(wanted))
                .findFirst()
                .orElseThrow(() -> new CameraUnavailableException("no camera named '" + device + "' among "
                        + webcams.stream().map(Webcam::getName).toList()));
    }

    /**
     * Closes the camera even when the capture was interrupted (timed out): the library gives up
     * closing on an interrupted thread, which would leave the device open and its shutdown hook
     * registered.
     */
    private static void close(Webcam webcam) {
        boolean interrupted = Thread.interrupted();
        try {
            webcam.close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
