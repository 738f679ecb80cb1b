package be.uliege.library.registration.card;

import be.uliege.library.registration.card.PhotoRejectedException.Reason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The card photo's pixels (R-CARD-1): an uploaded file or a camera snapshot is checked by its
 * content and decoded ({@link #check}), then the frame the operator chose with the horizontal and
 * vertical sliders and the zoom is cut out and stored at card resolution ({@link #frame}): a JPEG
 * of {@link CardPhoto#WIDTH} × {@link CardPhoto#HEIGHT}, ready for the card (R-CARD-3) and for the
 * other library systems (R-CARD-6).
 *
 * <p>Untrusted files are read defensively: only JPEG and PNG, recognised by their first bytes and
 * accepted by their ImageIO reader; the dimensions are read from the header and checked before any
 * pixel is decoded, so a small file declaring a huge image (a "decompression bomb") costs nothing;
 * a truncated or corrupt file is refused rather than shown half grey. A call holds at most one
 * decoded image. Stateless and thread-safe.
 */
public final class PhotoImages {

    /** The largest file accepted: 10 MB. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** The most pixels an image may have: 40 megapixels. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** The memory a decoded image may take: {@link #MAX_PIXELS} at 4 bytes a pixel (160 MB). */
    public static final long MAX_DECODED_BYTES = MAX_PIXELS * 4;
    /** The longest side accepted, in pixels. */
    public static final int MAX_SIDE = 12_000;
    /** The narrowest image accepted (as displayed, upright), in pixels. */
    public static final int MIN_WIDTH = 120;
    /** The lowest image accepted (as displayed, upright), in pixels. */
    public static final int MIN_HEIGHT = 150;
    /** The strongest zoom: the frame is then a quarter as wide as the largest one. */
    public static final double MAX_ZOOM = 4;
    /** The stored JPEG's quality. */
    public static final float JPEG_QUALITY = 0.9f;

    /** {@link Upload#format()} of a JPEG. */
    public static final String JPEG = "jpeg";
    /** {@link Upload#format()} of a PNG. */
    public static final String PNG = "png";

    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int BYTES_PER_PIXEL_UNKNOWN = 4;

    static {
        ImageIO.setUseCache(false); // decoding never writes an upload to a temporary file
    }

    private PhotoImages() {}

    /**
     * An accepted image, decoded and turned upright (R-CARD-1).
     *
     * @param image  the pixels, upright (a JPEG's EXIF orientation applied)
     * @param format {@link #JPEG} or {@link #PNG}, from the content
     * @param width  the upright image's width
     * @param height the upright image's height
     */
    public record Upload(BufferedImage image, String format, int width, int height) {

        @Override
        public String toString() {
            return "Upload[" + format + " " + width + "×" + height + "]";
        }
    }

    /**
     * The frame the operator chose (R-CARD-1). Values out of range are clamped when framing, so
     * that the frame always stays inside the image.
     *
     * @param centerX the frame's centre, from the image's left (0) to its right (1): the horizontal slider
     * @param centerY the frame's centre, from the image's top (0) to its bottom (1): the vertical slider
     * @param zoom    1 for the largest 4:5 frame that fits in the image, 2 for one half as wide… up to
     *                {@link #MAX_ZOOM}
     */
    public record Frame(double centerX, double centerY, double zoom) {

        /** The largest frame, centred: the default, and the camera's. */
        public static final Frame CENTRED = new Frame(0.5, 0.5, 1.0);
    }

    /**
     * Checks an uploaded file by its content, not its name or declared type, and decodes it
     * (R-CARD-1).
     *
     * @throws PhotoRejectedException when the file is empty, larger than {@link #MAX_BYTES}, not a
     *                                JPEG or PNG, truncated or corrupt, larger than {@link #MAX_PIXELS}
     *                                or {@link #MAX_SIDE}, or smaller than {@link #MIN_WIDTH} ×
     *                                {@link #MIN_HEIGHT}
     */
    public static Upload check(byte[] bytes) {
        if (bytes.length == 0) {
            throw new PhotoRejectedException(Reason.EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            throw new PhotoRejectedException(Reason.TOO_LARGE_FILE);
        }
        String format = startsWith(bytes, JPEG_SIGNATURE) ? JPEG : startsWith(bytes, PNG_SIGNATURE) ? PNG : null;
        if (format == null) {
            throw new PhotoRejectedException(Reason.NOT_AN_IMAGE);
        }
        ImageReader reader = reader(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true); // forward only; metadata (text, profiles) never parsed
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException notThisFormat) {
                throw new PhotoRejectedException(Reason.NOT_AN_IMAGE, notThisFormat);
            }
            if ((long) width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
                throw new PhotoRejectedException(Reason.TOO_MANY_PIXELS);
            }
            int orientation = format.equals(JPEG) ? ExifOrientation.of(bytes) : ExifOrientation.NORMAL;
            boolean sideways = ExifOrientation.swapsSides(orientation);
            if ((sideways ? height : width) < MIN_WIDTH || (sideways ? width : height) < MIN_HEIGHT) {
                throw new PhotoRejectedException(Reason.TOO_SMALL);
            }
            BufferedImage image = decode(reader, width, height);
            image = ExifOrientation.apply(image, orientation);
            return new Upload(image, format, image.getWidth(), image.getHeight());
        } catch (IOException closing) {
            throw new UncheckedIOException(closing); // closing a stream over an array: not expected
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage decode(ImageReader reader, int width, int height) {
        long bytesPerPixel;
        try {
            bytesPerPixel = bytesPerPixel(reader);
        } catch (IOException | RuntimeException corrupt) {
            throw new PhotoRejectedException(Reason.UNREADABLE, corrupt);
        }
        if ((long) width * height * bytesPerPixel > MAX_DECODED_BYTES) {
            throw new PhotoRejectedException(Reason.TOO_MANY_PIXELS); // e.g. 16 bits a channel
        }
        var warned = new boolean[1];
        reader.addIIOReadWarningListener((source, warning) -> warned[0] = true); // e.g. "premature end of file"
        BufferedImage image;
        try {
            image = reader.read(0);
        } catch (IOException | RuntimeException corrupt) {
            throw new PhotoRejectedException(Reason.UNREADABLE, corrupt);
        }
        if (warned[0]) {
            throw new PhotoRejectedException(Reason.UNREADABLE);
        }
        return image;
    }

    /** The memory a pixel will take once decoded, from the reader's destination type (header only). */
    private static long bytesPerPixel(ImageReader reader) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (!types.hasNext()) {
            return BYTES_PER_PIXEL_UNKNOWN;
        }
        SampleModel model = types.next().getSampleModel(1, 1);
        long bits = (long) model.getNumDataElements() * DataBuffer.getDataTypeSize(model.getDataType());
        return Math.max(1, (bits + 7) / 8);
    }

    private static ImageReader reader(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    private static boolean startsWith(byte[] bytes, byte[] signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (bytes[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The chosen frame at card resolution (R-CARD-1): a JPEG of exactly {@link CardPhoto#WIDTH} ×
     * {@link CardPhoto#HEIGHT} pixels, sRGB without alpha (transparency on white), without metadata.
     * The frame is 4:5; out-of-range values are clamped so that it stays inside the image.
     */
    public static byte[] frame(BufferedImage image, Frame frame) {
        int width = image.getWidth();
        int height = image.getHeight();
        double zoom = clamp(frame.zoom(), 1, MAX_ZOOM, 1);
        double largest = Math.min(width, height * (double) CardPhoto.WIDTH / CardPhoto.HEIGHT);
        int cropWidth = Math.clamp(Math.round(largest / zoom), 1, width);
        int cropHeight = Math.clamp(Math.round(cropWidth * (double) CardPhoto.HEIGHT / CardPhoto.WIDTH), 1, height);
        int x = Math.clamp(
                Math.round(clamp(frame.centerX(), 0, 1, 0.5) * width - cropWidth / 2.0), 0, width - cropWidth);
        int y = Math.clamp(
                Math.round(clamp(frame.centerY(), 0, 1, 0.5) * height - cropHeight / 2.0), 0, height - cropHeight);
        return jpeg(scale(image, x, y, cropWidth, cropHeight));
    }

    /**
     * A snapshot of the desk's camera (R-CARD-1: a canvas's JPEG or PNG), checked and framed
     * {@link Frame#CENTRED}.
     *
     * @throws PhotoRejectedException as {@link #check}
     */
    public static byte[] fromCamera(byte[] jpegOrPng) {
        return frame(check(jpegOrPng).image(), Frame.CENTRED);
    }

    private static double clamp(double value, double min, double max, double ifNaN) {
        return Double.isNaN(value) ? ifNaN : Math.clamp(value, min, max);
    }

    /**
     * Scales the region down by halves (each an exact 2 × 2 average, so fine patterns turn grey
     * instead of aliasing), then bicubically to the card's size.
     */
    private static BufferedImage scale(BufferedImage image, int x, int y, int width, int height) {
        BufferedImage from = image;
        int fromX = x;
        int fromY = y;
        int fromWidth = width;
        int fromHeight = height;
        while (fromWidth / 2 >= CardPhoto.WIDTH && fromHeight / 2 >= CardPhoto.HEIGHT) {
            int halfWidth = fromWidth / 2;
            int halfHeight = fromHeight / 2;
            from = draw(
                    from,
                    fromX,
                    fromY,
                    fromWidth,
                    fromHeight,
                    halfWidth,
                    halfHeight,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            fromX = 0;
            fromY = 0;
            fromWidth = halfWidth;
            fromHeight = halfHeight;
        }
        return draw(
                from,
                fromX,
                fromY,
                fromWidth,
                fromHeight,
                CardPhoto.WIDTH,
                CardPhoto.HEIGHT,
                RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(
            BufferedImage from, int x, int y, int width, int height, int toWidth, int toHeight, Object interpolation) {
        var to = new BufferedImage(toWidth, toHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(
                    RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, toWidth, toHeight);
            g.drawImage(from, 0, 0, toWidth, toHeight, x, y, x + width, y + height, null);
        } finally {
            g.dispose();
        }
        return to;
    }

    /** An RGB image as a JPEG of the card photos' quality, without metadata. */
    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(JPEG).next();
        var out = new ByteArrayOutputStream(64 * 1024);
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
