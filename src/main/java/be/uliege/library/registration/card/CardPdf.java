package be.uliege.library.registration.card;

import be.uliege.library.registration.base.PdfFonts;
import com.google.zxing.oned.Code128Writer;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Image;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Renders an external patron's card (R-CARD-3) as a PDF of two pages, each exactly ISO/IEC 7810
 * ID-1 (85.60 × 53.98 mm): what a card printer prints edge to edge, and an office printer at
 * actual size.
 *
 * <p>Front: an orange band marking an external patron, with the library's name; the photo (an
 * empty frame when there is none); the first and last names; the identifier. Back: the identifier
 * as a Code 128 barcode, drawn as vector bars a whole number of 300 dpi dots wide with their quiet
 * zones, and in text under it; then the 4-digit activation code or, for a card printed already
 * activated (R-CARD-4), a line saying so. No date anywhere: the card is valid for life (R-CARD-3a).
 *
 * <p>Names are never cut: each shrinks to the width it has; below a minimum size it goes onto a
 * second line (at a space, or after a hyphen), and a single word still too long gets smaller yet.
 * The text is set in Liberation Sans, embedded as a subset.
 */
@Component
public final class CardPdf {

    static final float WIDTH = mm(85.60f);
    static final float HEIGHT = mm(53.98f);
    /** ULiège's orange: the band that tells an external patron's card at a glance. */
    static final Color ORANGE = new Color(0xF3, 0x92, 0x00);

    static final float BAND_HEIGHT = mm(12.5f);
    static final float MARGIN = mm(4f);

    private static final Color INK = new Color(0x1D, 0x1D, 0x1B);
    private static final Color GREY = new Color(0x6F, 0x6F, 0x6E);
    private static final Color FRAME = new Color(0xB2, 0xB2, 0xB2);

    private static final String LIBRARY = "ULiège Library";
    private static final String EXTERNAL_PATRON = "Lecteur extérieur / External patron";
    private static final String IDENTIFIER = "Identifiant / Identifier";
    private static final String ACTIVATION_CODE = "Code d’activation / Activation code: %s";
    private static final String ACTIVATED = "Carte activée / Card activated";

    /** One dot of a 300 dpi card printer: bars a whole number of dots wide print (and rasterise) sharp. */
    private static final float DOT = 72f / 300f;

    private static final int MOST_DOTS_PER_MODULE = 4;
    private static final int QUIET_ZONE_MODULES = 10;
    private static final float BAR_HEIGHT = mm(12f);
    private static final float LEADING = 1.15f;

    CardPdf() {}

    /** The card's two pages, front then back. */
    public byte[] render(CardPrint card) {
        var photo = card.photoJpeg();
        var out = new ByteArrayOutputStream(16 * 1024 + (photo == null ? 0 : photo.length));
        var document = new Document(new Rectangle(WIDTH, HEIGHT), 0f, 0f, 0f, 0f);
        var writer = PdfWriter.getInstance(document, out);
        document.addTitle(LIBRARY + " – " + card.identifier());
        document.addCreator(LIBRARY);
        document.open();
        front(writer.getDirectContent(), card);
        document.newPage();
        back(writer.getDirectContent(), card);
        document.close();
        return out.toByteArray();
    }

    private static void front(PdfContentByte canvas, CardPrint card) {
        canvas.setColorFill(ORANGE);
        canvas.rectangle(0f, HEIGHT - BAND_HEIGHT, WIDTH, BAND_HEIGHT);
        canvas.fill();
        text(canvas, PdfFonts.BOLD, 10f, INK, LIBRARY, MARGIN, HEIGHT - mm(5.8f));
        text(canvas, PdfFonts.REGULAR, 6.5f, INK, EXTERNAL_PATRON, MARGIN, HEIGHT - mm(9.8f));

        float photoTop = HEIGHT - BAND_HEIGHT - mm(3f);
        float photoBottom = photoTop - mm(CardPhoto.HEIGHT_MM);
        photo(canvas, card.photoJpeg(), MARGIN, photoBottom);

        // At their largest, two lines of each name end 53 pt under the photo's top; the identifier's label starts 60 pt
        // under it.
        float left = MARGIN + mm(CardPhoto.WIDTH_MM) + mm(4f);
        float width = WIDTH - MARGIN - left;
        float below = lines(
                canvas, PdfFonts.REGULAR, fit(PdfFonts.REGULAR, card.firstName(), 10f, 6f, width), left, photoTop);
        lines(canvas, PdfFonts.BOLD, fit(PdfFonts.BOLD, card.lastName(), 12f, 6.5f, width), left, below - mm(0.8f));

        text(canvas, PdfFonts.REGULAR, 5.5f, GREY, IDENTIFIER, left, photoBottom + 13f);
        text(canvas, PdfFonts.BOLD, 12f, INK, card.identifier(), left, photoBottom + 1.5f);
    }

    private static void back(PdfContentByte canvas, CardPrint card) {
        text(canvas, PdfFonts.BOLD, 7f, INK, LIBRARY, MARGIN, HEIGHT - mm(5.5f));
        float barsBottom = HEIGHT - mm(10f) - BAR_HEIGHT;
        barcode(canvas, card.identifier(), barsBottom);
        centred(canvas, PdfFonts.REGULAR, 9f, card.identifier(), barsBottom - mm(4f));

        var code = card.activationCode();
        var line = code == null ? ACTIVATED : ACTIVATION_CODE.formatted(code);
        float size = Math.min(8.5f, (WIDTH - 2 * MARGIN) / PdfFonts.BOLD.getWidthPoint(line, 1f));
        centred(canvas, PdfFonts.BOLD, size, line, mm(15f));
    }

    private static void photo(PdfContentByte canvas, byte @Nullable [] jpeg, float x, float y) {
        float width = mm(CardPhoto.WIDTH_MM);
        float height = mm(CardPhoto.HEIGHT_MM);
        if (jpeg == null) {
            canvas.setColorStroke(FRAME);
            canvas.setLineWidth(0.5f);
            canvas.rectangle(x, y, width, height);
            canvas.stroke();
            return;
        }
        Image image;
        try {
            image = Image.getInstance(jpeg); // a JPEG goes into the PDF as it is, not decoded
        } catch (IOException e) {
            throw new IllegalArgumentException("The card's photo is not a readable image", e);
        }
        image.scaleAbsolute(width, height);
        image.setAbsolutePosition(x, y);
        canvas.addImage(image);
    }

    /**
     * Code 128 as black rectangles, centred, each module a whole number of dots (at most
     * {@value #MOST_DOTS_PER_MODULE}, 0.34 mm), with at least {@value #QUIET_ZONE_MODULES} modules
     * of white on each side inside the margins.
     */
    private static void barcode(PdfContentByte canvas, String contents, float y) {
        boolean[] modules = new Code128Writer().encode(contents);
        float room = (WIDTH - 2 * MARGIN) / ((modules.length + 2 * QUIET_ZONE_MODULES) * DOT);
        int dots = Math.min(MOST_DOTS_PER_MODULE, (int) room);
        if (dots < 1) {
            throw new IllegalArgumentException(
                    "An identifier of " + contents.length() + " characters is too long for the card's barcode");
        }
        float module = dots * DOT;
        float x = Math.round((WIDTH - modules.length * module) / 2 / DOT) * DOT;
        canvas.setColorFill(Color.BLACK);
        int start = 0;
        while (start < modules.length) {
            if (!modules[start]) {
                start++;
                continue;
            }
            int end = start;
            while (end < modules.length && modules[end]) {
                end++;
            }
            canvas.rectangle(x + start * module, y, (end - start) * module, BAR_HEIGHT);
            start = end;
        }
        canvas.fill();
    }

    /** Some text cut into lines, and the size at which each line fits the width it was fitted to. */
    record Fitted(List<String> lines, float size) {}

    /**
     * The largest size up to {@code largest} at which {@code text} fits {@code width} on one line; if
     * that is under {@code smallest}, two lines split where the longer is shortest (at a space, or
     * after a hyphen), at the size that fits them. Nothing is ever cut: a text that cannot be split
     * gets as small as it must.
     */
    static Fitted fit(BaseFont font, String text, float largest, float smallest, float width) {
        float size = Math.min(largest, width / font.getWidthPoint(text, 1f));
        if (size >= smallest) {
            return new Fitted(List.of(text), size);
        }
        List<String> best = List.of(text);
        float widest = font.getWidthPoint(text, 1f);
        for (int i = 1; i < text.length() - 1; i++) {
            List<String> split;
            if (text.charAt(i) == ' ') {
                split = List.of(
                        text.substring(0, i).strip(), text.substring(i + 1).strip());
            } else if (text.charAt(i - 1) == '-') {
                split = List.of(text.substring(0, i), text.substring(i));
            } else {
                continue;
            }
            float longer = Math.max(font.getWidthPoint(split.get(0), 1f), font.getWidthPoint(split.get(1), 1f));
            if (longer < widest) {
                widest = longer;
                best = split;
            }
        }
        return new Fitted(best, Math.min(largest, width / widest));
    }

    /** Draws the lines from {@code top} down; returns where the last one's descent ends. */
    private static float lines(PdfContentByte canvas, BaseFont font, Fitted fitted, float left, float top) {
        float size = fitted.size();
        float baseline = top - font.getFontDescriptor(BaseFont.ASCENT, size);
        for (var line : fitted.lines()) {
            text(canvas, font, size, INK, line, left, baseline);
            baseline -= size * LEADING;
        }
        return baseline + size * LEADING + font.getFontDescriptor(BaseFont.DESCENT, size);
    }

    private static void centred(PdfContentByte canvas, BaseFont font, float size, String text, float baseline) {
        text(canvas, font, size, INK, text, (WIDTH - font.getWidthPoint(text, size)) / 2, baseline);
    }

    private static void text(
            PdfContentByte canvas, BaseFont font, float size, Color colour, String text, float x, float baseline) {
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setColorFill(colour);
        canvas.setTextMatrix(x, baseline);
        canvas.showText(text);
        canvas.endText();
    }

    static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }
}
