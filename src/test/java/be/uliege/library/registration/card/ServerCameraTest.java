package be.uliege.library.registration.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import be.uliege.library.registration.card.PhotoImages.Upload;
import be.uliege.library.registration.card.PhotoRejectedException.Reason;
import be.uliege.library.registration.card.ServerCamera.CameraUnavailableException;
import be.uliege.library.registration.card.ServerCamera.Capture;
import be.uliege.library.registration.card.ServerCamera.Disabled;
import be.uliege.library.registration.card.ServerCamera.FrameSource;
import be.uliege.library.registration.card.ServerCamera.NoCamera;
import be.uliege.library.registration.card.ServerCamera.Taken;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * R-CARD-1: the server-side camera source. A real camera cannot run here (no {@code /dev/video*}
 * in CI), so the {@link Taken} path through {@code webcam-capture} is not exercised: the tests on the
 * real library prove that, enabled, it answers "no camera" — with Debian's {@code libv4l-0} (an
 * empty list) or without it (the native grabber fails to load) — well within its timeout, also
 * when two captures race. The rest runs against stand-ins for the library: a driver that never
 * answers, one that fails, one that is slow; and the conversion of a frame, laid out as the
 * library lays it out, into a JPEG that {@link PhotoImages#check} accepts.
 */
class ServerCameraTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Generous: proves a capture never hangs, not how fast it is. */
    private static final Duration NEVER_HANGS = TIMEOUT.plusSeconds(10);

    private static ServerCameraSettings settings(boolean enabled, Duration timeout) {
        return new ServerCameraSettings(enabled, timeout, 640, 480, "");
    }

    // --- the real library, on a machine without a camera ---

    @Test
    @DisplayName(
            "R-CARD-1: enabled without a camera (or without libv4l-0), a capture answers 'no camera' with a reason, never hangs")
    void withoutACameraTheAnswerIsNoCamera() {
        var camera = new ServerCamera(settings(true, TIMEOUT));

        Capture capture = assertTimeoutPreemptively(NEVER_HANGS, camera::capture);

        assertNoCameraUnlessOneIsAttached(capture);
        // Asked again (the library now loaded, or failed to load): the same answer.
        assertNoCameraUnlessOneIsAttached(assertTimeoutPreemptively(NEVER_HANGS, camera::capture));
    }

    @Test
    @DisplayName("R-CARD-1: two captures at once through the real library both answer, neither deadlocks")
    void twoCapturesAtOnceThroughTheLibrary() throws Exception {
        var camera = new ServerCamera(settings(true, TIMEOUT));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            var start = new CountDownLatch(1);
            List<Future<Capture>> captures = Stream.<Future<Capture>>generate(() -> callers.submit(() -> {
                        start.await();
                        return camera.capture();
                    }))
                    .limit(2)
                    .toList();
            start.countDown();

            List<Capture> answers = assertTimeoutPreemptively(
                    NEVER_HANGS.plus(TIMEOUT),
                    () -> List.of(captures.get(0).get(), captures.get(1).get()));

            answers.forEach(ServerCameraTest::assertNoCameraUnlessOneIsAttached);
        } finally {
            callers.shutdownNow();
        }
    }

    private static void assertNoCameraUnlessOneIsAttached(Capture capture) {
        if (videoDevices()) {
            assertThat(capture).isInstanceOfAny(NoCamera.class, Taken.class);
        } else {
            assertThat(capture)
                    .isInstanceOfSatisfying(
                            NoCamera.class, none -> assertThat(none.why()).isNotBlank());
        }
        if (capture instanceof Taken taken) {
            assertThat(PhotoImages.check(taken.jpeg()).format()).isEqualTo(PhotoImages.JPEG);
        }
    }

    private static boolean videoDevices() {
        try (Stream<Path> dev = Files.list(Path.of("/dev"))) {
            return dev.anyMatch(path -> path.getFileName().toString().startsWith("video"));
        } catch (IOException noDev) {
            return false;
        }
    }

    // --- switched off ---

    @Test
    @DisplayName("R-CARD-1: switched off (the default), a capture answers Disabled and never reaches the library")
    void switchedOff() {
        var reached = new AtomicBoolean();
        var camera = new ServerCamera(settings(false, TIMEOUT), () -> {
            reached.set(true);
            throw new AssertionError("the library was reached");
        });

        assertThat(camera.enabled()).isFalse();
        assertThat(camera.capture()).isInstanceOf(Disabled.class);
        assertThat(reached).isFalse();
    }

    @Test
    @DisplayName(
            "R-CARD-1: switched off, not one class of webcam-capture or BridJ is loaded (checked in a class loader of its own)")
    void switchedOffTheLibraryIsNeverLoaded() throws Exception {
        try (var loader = new IsolatedLoader()) {
            Class<?> cameraClass = loader.loadClass(ServerCamera.class.getName());
            Class<?> settingsClass = loader.loadClass(ServerCameraSettings.class.getName());
            Object settings = settingsClass
                    .getConstructor(boolean.class, Duration.class, int.class, int.class, String.class)
                    .newInstance(false, TIMEOUT, 640, 480, "");
            Object camera = cameraClass.getConstructor(settingsClass).newInstance(settings);

            Object capture = cameraClass.getMethod("capture").invoke(camera);

            assertThat(cameraClass.getClassLoader()).isSameAs(loader);
            assertThat(capture.getClass().getSimpleName()).isEqualTo("Disabled");
            assertThat(loader.loaded(ServerCamera.class.getName()))
                    .as("the check sees what is loaded")
                    .isTrue();
            assertThat(loader.loaded(WebcamLibrary.class.getName())).isFalse();
            assertThat(loader.loaded("com.github.sarxos.webcam.Webcam")).isFalse();
            assertThat(loader.loaded("org.bridj.BridJ")).isFalse();
        }
    }

    /** The test class path in a loader of its own, which can tell which classes it has loaded. */
    private static final class IsolatedLoader extends URLClassLoader {

        IsolatedLoader() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        private static URL[] classPath() {
            String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            return Arrays.stream(path.split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(entry -> {
                        try {
                            return Path.of(entry).toUri().toURL();
                        } catch (MalformedURLException impossible) {
                            throw new IllegalStateException(impossible);
                        }
                    })
                    .toArray(URL[]::new);
        }
    }

    // --- stand-ins for the library ---

    @Test
    @DisplayName(
            "R-CARD-1: a driver that never answers costs one timeout, then 'no camera' at once until it answers; it runs on a daemon thread")
    void aDriverThatNeverAnswers() throws Exception {
        var release = new CountDownLatch(1);
        var calls = new AtomicInteger();
        var worker = new AtomicReference<Thread>();
        FrameSource hanging = (settings, budget) -> {
            calls.incrementAndGet();
            worker.set(Thread.currentThread());
            while (true) {
                try {
                    release.await();
                    return frame(640, 480);
                } catch (InterruptedException ignored) {
                    // a native call does not notice the interrupt
                }
            }
        };
        var camera = new ServerCamera(settings(true, Duration.ofMillis(300)), () -> hanging);

        Capture first = assertTimeoutPreemptively(NEVER_HANGS, camera::capture);
        Capture second = assertTimeoutPreemptively(NEVER_HANGS, camera::capture);

        assertThat(first).isEqualTo(new NoCamera("timed out after 300 ms"));
        assertThat(second)
                .isInstanceOfSatisfying(
                        NoCamera.class, none -> assertThat(none.why()).contains("has not answered"));
        assertThat(calls).as("the hung driver is not called again").hasValue(1);
        assertThat(worker.get().isDaemon()).as("the worker cannot hold the JVM").isTrue();

        release.countDown();
        worker.get().join(NEVER_HANGS.toMillis());

        assertThat(camera.capture()).isInstanceOf(Taken.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    @DisplayName(
            "R-CARD-1: one capture at a time (one device): callers wait their turn within the timeout, all get their photo")
    void oneCaptureAtATime() throws Exception {
        var inside = new AtomicInteger();
        var most = new AtomicInteger();
        var calls = new AtomicInteger();
        FrameSource slow = (settings, budget) -> {
            calls.incrementAndGet();
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
                return frame(640, 480);
            } finally {
                inside.decrementAndGet();
            }
        };
        var camera = new ServerCamera(settings(true, TIMEOUT), () -> slow);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            var start = new CountDownLatch(1);
            List<Future<Capture>> captures = Stream.<Future<Capture>>generate(() -> callers.submit(() -> {
                        start.await();
                        return camera.capture();
                    }))
                    .limit(4)
                    .toList();
            start.countDown();

            for (Future<Capture> capture : captures) {
                assertThat(assertTimeoutPreemptively(NEVER_HANGS, () -> capture.get()))
                        .isInstanceOf(Taken.class);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(calls).hasValue(4);
        assertThat(most).hasValue(1);
    }

    @Test
    @DisplayName("R-CARD-1: a caller that gives up before its capture even starts does not lose the device")
    void aCallerThatGivesUpAtOnceDoesNotLoseTheDevice() {
        // A timeout of 1 ns: the caller stops waiting before the worker thread has run.
        var camera = new ServerCamera(settings(true, Duration.ofNanos(1)), () -> (settings, budget) -> frame(640, 480));
        for (int i = 0; i < 20; i++) {
            assertThat(camera.capture()).isInstanceOfAny(NoCamera.class, Taken.class);
        }

        // Once the workers have ended, the device is free again: no "has not answered", no "busy".
        assertTimeoutPreemptively(NEVER_HANGS, () -> {
            while (camera.capture() instanceof NoCamera(String why) && !why.startsWith("timed out")) {
                Thread.sleep(10);
            }
        });
    }

    static Stream<Object[]> failures() {
        return Stream.of(
                new Object[] {new CameraUnavailableException("no camera found"), "no camera found"},
                new Object[] {new TimeoutException("Webcams discovery timeout"), "timed out looking for cameras"},
                new Object[] {
                    new UnsatisfiedLinkError("libv4l2.so.0: cannot open shared object file"),
                    "camera library failed: UnsatisfiedLinkError: libv4l2.so.0: cannot open shared object file"
                },
                new Object[] {
                    new NoClassDefFoundError("Could not initialize class OpenIMAJGrabber"),
                    "camera library failed: NoClassDefFoundError: Could not initialize class OpenIMAJGrabber"
                            + " (its system library missing? Debian: libv4l-0)"
                },
                new Object[] {
                    new ExceptionInInitializerError("no native grabber"),
                    "camera library failed: ExceptionInInitializerError: no native grabber"
                },
                new Object[] {
                    new IllegalStateException(
                            "Cannot execute task",
                            new RuntimeException("Library 'OpenIMAJGrabber' was not loaded successfully")),
                    "camera library failed: RuntimeException: Library 'OpenIMAJGrabber' was not loaded successfully"
                            + " (its system library missing? Debian: libv4l-0)"
                },
                new Object[] {new AssertionError(), "camera library failed: AssertionError"});
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    @DisplayName(
            "R-CARD-1: whatever the library throws (exception or linkage error), the answer is 'no camera' with a short reason")
    void whateverTheLibraryThrows(Throwable failure, String why) {
        FrameSource failing = (settings, budget) -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        };
        var camera = new ServerCamera(settings(true, TIMEOUT), () -> failing);

        assertThat(assertTimeoutPreemptively(NEVER_HANGS, camera::capture)).isEqualTo(new NoCamera(why));
        assertThat(assertTimeoutPreemptively(NEVER_HANGS, camera::capture))
                .as("and again")
                .isEqualTo(new NoCamera(why));
    }

    @Test
    @DisplayName("R-CARD-1: a library that cannot even be loaded (its class missing) answers 'no camera'")
    void aLibraryThatCannotBeLoaded() {
        var camera = new ServerCamera(settings(true, TIMEOUT), () -> {
            throw new NoClassDefFoundError("com/github/sarxos/webcam/Webcam");
        });

        assertThat(camera.capture())
                .isEqualTo(
                        new NoCamera("camera library failed: NoClassDefFoundError: com/github/sarxos/webcam/Webcam"));
    }

    // --- the frame ---

    @Test
    @DisplayName(
            "R-CARD-1: a frame as the library lays it out (RGB bytes) becomes a JPEG that the card photo accepts, colours kept")
    void aFrameBecomesAJpegTheCardPhotoAccepts() throws IOException {
        byte[] jpeg = ServerCamera.jpeg(frame(640, 480));

        Upload upload = PhotoImages.check(jpeg);
        assertThat(upload.format()).isEqualTo(PhotoImages.JPEG);
        assertThat(upload.width()).isEqualTo(640);
        assertThat(upload.height()).isEqualTo(480);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertColour(decoded, 160, 240, RED);
        assertColour(decoded, 480, 240, BLUE);
        assertThat(PhotoImages.fromCamera(jpeg)).isNotEmpty();
    }

    @Test
    @DisplayName("R-CARD-1: a taken frame comes as a JPEG with its size")
    void aTakenFrame() {
        var camera = new ServerCamera(settings(true, TIMEOUT), () -> (settings, budget) -> frame(640, 480));

        assertThat(camera.capture()).isInstanceOfSatisfying(Taken.class, taken -> {
            assertThat(taken.width()).isEqualTo(640);
            assertThat(taken.height()).isEqualTo(480);
            assertThat(PhotoImages.check(taken.jpeg()).width()).isEqualTo(640);
        });
    }

    @Test
    @DisplayName(
            "R-CARD-1: the library's default 160 × 120 frame would be too small for a card: hence the preferred size")
    void theLibrarysDefaultSizeIsTooSmall() {
        assertThatThrownBy(() -> PhotoImages.check(ServerCamera.jpeg(frame(160, 120))))
                .isInstanceOfSatisfying(
                        PhotoRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.TOO_SMALL));
    }

    @ParameterizedTest(name = "{0}×{1} → {2}")
    @CsvSource({
        "640, 480, 640x480",
        "320, 240, 320x240",
        "300, 200, 320x240",
        "800, 600, 640x480",
        "1280, 720, 640x480",
        "100, 100, 160x120"
    })
    @DisplayName("R-CARD-1: the camera's size nearest the preferred one")
    void nearestSize(int width, int height, String expected) {
        Dimension[] offered = {new Dimension(160, 120), new Dimension(320, 240), new Dimension(640, 480)};

        Dimension nearest = ServerCamera.nearest(offered, width, height);

        assertThat(nearest.width + "x" + nearest.height).isEqualTo(expected);
        assertThat(ServerCamera.nearest(new Dimension[0], width, height)).isNull();
    }

    // --- settings ---

    @Test
    @DisplayName("R-CARD-1: application.yml leaves the server camera off, with a 5-second timeout and 640 × 480")
    void settingsFromApplicationYml() throws IOException {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        var binder = new Binder(ConfigurationPropertySources.from(sources));

        var settings = binder.bindOrCreate("registration.cards.server-camera", ServerCameraSettings.class);

        assertThat(settings).isEqualTo(new ServerCameraSettings(false, TIMEOUT, 640, 480, ""));
        assertThat(new Binder().bindOrCreate("registration.cards.server-camera", ServerCameraSettings.class))
                .as("without any configuration")
                .isEqualTo(settings);
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 640, 480", "PT2M, 640, 480", "PT5S, 0, 480", "PT5S, 640, -1"})
    @DisplayName("R-CARD-1: a timeout of nothing or above a minute, or a size of nothing, is refused at start-up")
    void invalidSettings(Duration timeout, int width, int height) {
        assertThatThrownBy(() -> new ServerCameraSettings(true, timeout, width, height, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- frames ---

    private static final Color RED = new Color(220, 30, 30);
    private static final Color BLUE = new Color(30, 30, 220);

    /** A frame built as {@code WebcamDefaultDevice} builds them: RGB bytes, red on the left, blue on the right. */
    static BufferedImage frame(int width, int height) {
        byte[] bytes = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Color colour = x < width / 2 ? RED : BLUE;
                int i = (y * width + x) * 3;
                bytes[i] = (byte) colour.getRed();
                bytes[i + 1] = (byte) colour.getGreen();
                bytes[i + 2] = (byte) colour.getBlue();
            }
        }
        var samples = new ComponentSampleModel(DataBuffer.TYPE_BYTE, width, height, 3, width * 3, new int[] {0, 1, 2});
        var colours = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {8, 8, 8},
                false,
                false,
                Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        var raster = Raster.createWritableRaster(samples, new DataBufferByte(bytes, bytes.length), null);
        return new BufferedImage(colours, raster, false, null);
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected) {
        var actual = new Color(image.getRGB(x, y));
        assertThat(Math.abs(actual.getRed() - expected.getRed()))
                .as("red at %d,%d", x, y)
                .isLessThan(20);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen()))
                .as("green at %d,%d", x, y)
                .isLessThan(20);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue()))
                .as("blue at %d,%d", x, y)
                .isLessThan(20);
    }
}
