package be.uliege.library.registration.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.BaseFont;

/**
 * Liberation Sans (from {@code openpdf-fonts-extra}), read once per JVM and embedded as a subset in
 * each document the application prints — cards, letters, receipts — so that every Latin accent
 * prints whatever fonts the printer has (R-CARD-3, R-FEE-2).
 * A {@link BaseFont} only holds the font's data; what a document uses of it is kept by that
 * document's writer, so one instance serves every document, from any thread.
 */
public final class PdfFonts {

    public static final BaseFont REGULAR = load("LiberationSans-Regular.ttf");
    public static final BaseFont BOLD = load("LiberationSans-Bold.ttf");
    public static final BaseFont ITALIC = load("LiberationSans-Italic.ttf");

    private PdfFonts() {}

    private static BaseFont load(String file) {
        var resource = "liberation/" + file;
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font not on the class path: " + resource);
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }
}
