package be.uliege.library.registration.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.BaseFont;

/**
 * Liberation Sans (from {@code openpdf-fonts-extra}), read once per JVM and embedded as a subset in
 * each card and letter, so that every Latin accent prints whatever fonts the printer has (R-CARD-3).
 * A {@link BaseFont} only holds the font's data; what a document uses of it is kept by that
 * document's writer, so one instance serves every document, from any thread.
 */
final class CardFonts {

    static final BaseFont REGULAR = load("LiberationSans-Regular.ttf");
    static final BaseFont BOLD = load("LiberationSans-Bold.ttf");

    private CardFonts() {}

    private static BaseFont load(String file) {
        var resource = "liberation/" + file;
        try (InputStream in = CardFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font not on the class path: " + resource);
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }
}
