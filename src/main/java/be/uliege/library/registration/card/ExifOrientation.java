package be.uliege.library.registration.card;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * A JPEG's EXIF orientation (tag 0x0112: how a phone held sideways stored its photo), read from
 * the file's bytes without a metadata library, and applied to the decoded pixels in place, so that
 * turning a photo upright never holds a second copy of it (R-CARD-1).
 */
final class ExifOrientation {

    static final int NORMAL = 1;

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {}

    /** The orientation (1…8) of the JPEG's first EXIF segment; {@link #NORMAL} when there is none or it is unreadable. */
    static int of(byte[] jpeg) {
        int i = 2; // after SOI
        while (i + 4 <= jpeg.length) {
            if (jpeg[i] != (byte) 0xFF) {
                return NORMAL;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan, end of image: no EXIF before the pixels
                return NORMAL;
            }
            int length = u16(jpeg, i + 2, true);
            if (length < 2) {
                return NORMAL;
            }
            int start = i + 4;
            int end = Math.min(jpeg.length, i + 2 + length);
            if (marker == 0xE1
                    && end - start >= 6
                    && jpeg[start] == 'E'
                    && jpeg[start + 1] == 'x'
                    && jpeg[start + 2] == 'i'
                    && jpeg[start + 3] == 'f'
                    && jpeg[start + 4] == 0
                    && jpeg[start + 5] == 0) {
                return ofTiff(jpeg, start + 6, end);
            }
            i += 2 + length;
        }
        return NORMAL;
    }

    private static int ofTiff(byte[] b, int tiff, int end) {
        if (end - tiff < 8) {
            return NORMAL;
        }
        boolean bigEndian;
        if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return NORMAL;
        }
        if (u16(b, tiff + 2, bigEndian) != 42) {
            return NORMAL;
        }
        long ifd = tiff + u32(b, tiff + 4, bigEndian);
        if (ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(b, (int) ifd, bigEndian);
        for (int k = 0; k < entries; k++) {
            long entry = ifd + 2 + 12L * k;
            if (entry + 12 > end) {
                return NORMAL;
            }
            int e = (int) entry;
            if (u16(b, e, bigEndian) == TAG_ORIENTATION) {
                int value = u16(b, e + 8, bigEndian);
                return u16(b, e + 2, bigEndian) == TYPE_SHORT && value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] b, int i, boolean bigEndian) {
        int hi = b[bigEndian ? i : i + 1] & 0xFF;
        int lo = b[bigEndian ? i + 1 : i] & 0xFF;
        return hi << 8 | lo;
    }

    private static long u32(byte[] b, int i, boolean bigEndian) {
        long first = u16(b, bigEndian ? i : i + 2, bigEndian);
        long second = u16(b, bigEndian ? i + 2 : i, bigEndian);
        return first << 16 | second;
    }

    /** Whether the stored image is sideways: its width is the displayed height. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * The image turned upright. The pixels are moved inside the decoded image's own array (the JPEG
     * reader's layouts: 3-byte BGR, grey); another layout is copied.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        Pixels pixels = Pixels.of(image);
        if (pixels == null) {
            return copy(image, orientation);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (swapsSides(orientation)) {
            pixels.transpose(h, w);
            int t = w;
            w = h;
            h = t;
        }
        switch (orientation) {
            case 2, 6 -> pixels.flipHorizontally(w, h);
            case 3, 7 -> pixels.reverse(w * h);
            case 4, 8 -> pixels.flipVertically(w, h);
            default -> {} // 5: the transposition alone
        }
        if (w == image.getWidth()) {
            return image;
        }
        WritableRaster raster = Raster.createWritableRaster(
                image.getSampleModel().createCompatibleSampleModel(w, h),
                image.getRaster().getDataBuffer(),
                null);
        return new BufferedImage(image.getColorModel(), raster, image.isAlphaPremultiplied(), null);
    }

    private static BufferedImage copy(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        var t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
            case 7 -> t.setTransform(0, -1, -1, 0, h, w);
            default -> t.setTransform(0, -1, 1, 0, 0, w); // 8
        }
        boolean swap = swapsSides(orientation);
        var upright = new BufferedImage(
                swap ? h : w,
                swap ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = upright.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    /**
     * The pixels of a tightly packed byte image (the JPEG reader's 3-byte BGR and grey), {@code
     * stride} bytes each, moved inside the image's own array.
     */
    private static final class Pixels {

        private final byte[] data;
        private final int stride;
        private final byte[] saved;

        private Pixels(byte[] data, int stride) {
            this.data = data;
            this.stride = stride;
            this.saved = new byte[stride];
        }

        static @Nullable Pixels of(BufferedImage image) {
            WritableRaster raster = image.getRaster();
            DataBuffer buffer = raster.getDataBuffer();
            long count = (long) image.getWidth() * image.getHeight();
            if (raster.getParent() == null
                    && raster.getSampleModelTranslateX() == 0
                    && raster.getSampleModelTranslateY() == 0
                    && buffer.getNumBanks() == 1
                    && buffer.getOffset() == 0
                    && buffer instanceof DataBufferByte bytes
                    && raster.getSampleModel() instanceof PixelInterleavedSampleModel model
                    && model.getScanlineStride() == image.getWidth() * model.getPixelStride()
                    && bytes.getData().length == count * model.getPixelStride()) {
                return new Pixels(bytes.getData(), model.getPixelStride());
            }
            return null;
        }

        /**
         * Turns the {@code rows} × {@code columns} matrix of pixels into its transpose by following
         * each cycle of the permutation once: every pixel moves once, with no second image.
         */
        void transpose(int rows, int columns) {
            int n = rows * columns;
            var done = new BitSet(n);
            for (int start = 1; start < n - 1; start++) {
                if (done.get(start)) {
                    continue;
                }
                System.arraycopy(data, start * stride, saved, 0, stride);
                int to = start;
                while (true) {
                    done.set(to);
                    int from = (to % rows) * columns + to / rows;
                    if (from == start) {
                        System.arraycopy(saved, 0, data, to * stride, stride);
                        break;
                    }
                    move(from, to);
                    to = from;
                }
            }
        }

        void flipHorizontally(int width, int height) {
            for (int y = 0; y < height; y++) {
                for (int a = y * width, b = a + width - 1; a < b; a++, b--) {
                    swap(a, b);
                }
            }
        }

        void flipVertically(int width, int height) {
            for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
                for (int x = 0; x < width; x++) {
                    swap(top * width + x, bottom * width + x);
                }
            }
        }

        void reverse(int count) {
            for (int a = 0, b = count - 1; a < b; a++, b--) {
                swap(a, b);
            }
        }

        private void move(int from, int to) {
            int f = from * stride;
            int t = to * stride;
            if (stride == 3) { // BGR, the usual case: unrolled, this is most of the time a turn takes
                data[t] = data[f];
                data[t + 1] = data[f + 1];
                data[t + 2] = data[f + 2];
                return;
            }
            for (int k = 0; k < stride; k++) {
                data[t + k] = data[f + k];
            }
        }

        private void swap(int a, int b) {
            int i = a * stride;
            int j = b * stride;
            for (int k = 0; k < stride; k++) {
                byte t = data[i + k];
                data[i + k] = data[j + k];
                data[j + k] = t;
            }
        }
    }
}
