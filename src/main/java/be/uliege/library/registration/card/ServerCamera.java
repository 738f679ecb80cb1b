package be.uliege.library.registration.card;

import be.uliege.library.registration.security.Roles;
import jakarta.annotation.PreDestroy;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The server-side camera source of R-CARD-1: for a desk station where the application itself runs
 * on the desk computer, a photo taken with the camera attached to that computer (through
 * {@code webcam-capture}). Off by default ({@link ServerCameraSettings#enabled()}); when off, the
 * camera library is never loaded.
 *
 * <p>A capture never hangs and never throws for want of a camera: without a camera, without its
 * system library ({@code libv4l-0} on Debian), with a camera busy or a driver that does not answer,
 * the answer is {@link NoCamera}, within the configured timeout. Every call into the library runs
 * on a daemon thread of its own, so nothing the library starts can hold the JVM at shutdown; one
 * capture runs at a time (there is one device) and the camera is closed after each. See
 * {@code docs/decisions/0005-server-camera.md}.
 *
 * @see "docs/decisions/0005-server-camera.md"
 */
@Service
public class ServerCamera {

    private static final Logger log = LoggerFactory.getLogger(ServerCamera.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ServerCameraSettings settings;
    private final Supplier<FrameSource> sources;
    private final Semaphore device = new Semaphore(1, true);
    private volatile @Nullable FrameSource source;
    private volatile @Nullable Attempt last;

    @Autowired
    public ServerCamera(ServerCameraSettings settings) {
        // A lambda, not WebcamLibrary::new: its class is resolved only when a capture first runs.
        this(settings, () -> new WebcamLibrary());
    }

    ServerCamera(ServerCameraSettings settings, Supplier<FrameSource> sources) {
        this.settings = settings;
        this.sources = sources;
    }

    /** What {@link #capture()} gives: a photo, or why there is none. */
    public sealed interface Capture permits Taken, NoCamera, Disabled {}

    /**
     * A frame from the camera.
     *
     * @param jpeg   the frame as a JPEG, for {@link PhotoImages#check} or {@link PhotoImages#fromCamera}
     * @param width  its width in pixels
     * @param height its height in pixels
     */
    public record Taken(byte[] jpeg, int width, int height) implements Capture {

        @Override
        public String toString() {
            return "Taken[" + width + "×" + height + ", " + jpeg.length + " bytes]";
        }
    }

    /**
     * No photo: no camera, no camera library, a camera busy or not answering in time. The screen
     * shows its own translated message ({@code card.camera.server.none}).
     *
     * @param why a short technical reason, for the logs
     */
    public record NoCamera(String why) implements Capture {}

    /** The server camera is switched off in the configuration. */
    public record Disabled() implements Capture {}

    /** Whether the server camera is switched on (the card screen then offers it). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Takes one frame with the server's camera (R-CARD-1): finds the camera, opens it at the
     * configured size, takes a frame and closes it again. Returns within the configured timeout
     * (a capture already under way counts towards it); a second caller waits for the first.
     *
     * @return {@link Taken}, {@link NoCamera} or, when switched off, {@link Disabled}
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public Capture capture() {
        if (!settings.enabled()) {
            return new Disabled();
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try {
            if (hung() || !device.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
                return hung()
                        ? failed("the camera driver has not answered since an earlier capture")
                        : noCamera("busy with another capture");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return noCamera("interrupted");
        }
        var attempt = new Attempt(deadline);
        var task = attempt.task;
        try {
            Thread.ofPlatform()
                    .daemon()
                    .name("server-camera-" + THREADS.incrementAndGet())
                    .start(attempt);
        } catch (RuntimeException | OutOfMemoryError cannotStart) {
            device.release();
            return failed("could not start a thread: " + cannotStart);
        }
        last = attempt;
        try {
            return task.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException timedOut) {
            attempt.abandoned = true;
            task.cancel(true);
            return failed("timed out after " + settings.timeout().toMillis() + " ms");
        } catch (ExecutionException thrown) {
            Throwable cause = thrown.getCause();
            if (cause instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            if (cause instanceof CameraUnavailableException) {
                return noCamera(cause.getMessage());
            }
            log.debug("Server camera: the camera library's failure", cause);
            return failed(why(cause));
        } catch (InterruptedException interrupted) {
            attempt.abandoned = true;
            task.cancel(true);
            Thread.currentThread().interrupt();
            return noCamera("interrupted");
        }
    }

    /** Interrupts a capture still under way when the application stops. */
    @PreDestroy
    void stop() {
        Attempt attempt = last;
        Thread worker = attempt == null ? null : attempt.worker;
        if (worker != null && !attempt.done) {
            worker.interrupt();
        }
    }

    private boolean hung() {
        Attempt attempt = last;
        return attempt != null && attempt.abandoned && !attempt.done;
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static NoCamera noCamera(String why) {
        log.info("Server camera: no photo ({})", why);
        return new NoCamera(why);
    }

    /** No photo because the library or the driver failed: worth an administrator's look. */
    private static NoCamera failed(String why) {
        log.warn("Server camera: no photo ({})", why);
        return new NoCamera(why);
    }

    private static String why(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "timed out looking for cameras";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        return "camera library failed: " + root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message)
                + (message.contains("OpenIMAJGrabber") ? " (its system library missing? Debian: libv4l-0)" : "");
    }

    /**
     * One capture, run on its own daemon thread. It gives the device back when the thread ends,
     * however late, and even when its caller gave up before it started.
     */
    private final class Attempt implements Runnable {

        private final long deadline;
        final FutureTask<Capture> task = new FutureTask<>(this::take);
        volatile @Nullable Thread worker;
        /** Its caller stopped waiting (timed out or interrupted). */
        volatile boolean abandoned;

        volatile boolean done;

        Attempt(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void run() {
            worker = Thread.currentThread();
            try {
                task.run();
            } finally {
                done = true;
                device.release();
            }
        }

        private Capture take() throws Exception {
            FrameSource from = source;
            if (from == null) {
                from = sources.get();
                source = from;
            }
            BufferedImage frame = from.grab(settings, Duration.ofNanos(remaining(deadline)));
            return new Taken(jpeg(frame), frame.getWidth(), frame.getHeight());
        }
    }

    /**
     * Where frames come from: {@link WebcamLibrary}, or a test's stand-in. Called on a daemon
     * thread, one call at a time, which is interrupted when {@code budget} has run out.
     */
    interface FrameSource {

        /**
         * One frame from the camera, opened and closed again.
         *
         * @throws CameraUnavailableException when there is no camera to take it
         */
        BufferedImage grab(ServerCameraSettings settings, Duration budget) throws Exception;
    }

    /** No camera to take a frame with, and why (a short technical reason). */
    static final class CameraUnavailableException extends Exception {

        CameraUnavailableException(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * A camera frame as a JPEG that {@link PhotoImages#check} accepts: sRGB without alpha, of the
     * frame's size, at {@link PhotoImages#JPEG_QUALITY}, whatever the frame's pixel layout (the
     * library gives RGB bytes in its own colour model).
     */
    static byte[] jpeg(BufferedImage frame) {
        var rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(frame, 0, 0, null);
        } finally {
            g.dispose();
        }
        return PhotoImages.jpeg(rgb);
    }

    /**
     * The camera's size nearest the preferred one: that size if offered, else the smallest offered
     * that is at least as large both ways, else the largest offered; {@code null} if none is offered.
     */
    static @Nullable Dimension nearest(Dimension @Nullable [] offered, int width, int height) {
        if (offered == null || offered.length == 0) {
            return null;
        }
        Dimension larger = null;
        Dimension largest = null;
        for (Dimension size : offered) {
            if (size.width == width && size.height == height) {
                return size;
            }
            long area = (long) size.width * size.height;
            if (size.width >= width
                    && size.height >= height
                    && (larger == null || area < (long) larger.width * larger.height)) {
                larger = size;
            }
            if (largest == null || area > (long) largest.width * largest.height) {
                largest = size;
            }
        }
        return larger != null ? larger : largest;
    }
}
