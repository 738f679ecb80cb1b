package be.uliege.library.registration.card;

import static be.uliege.library.registration.card.CardFixtures.card;
import static be.uliege.library.registration.card.CardFixtures.photo;
import static be.uliege.library.registration.card.CardFixtures.run;
import static be.uliege.library.registration.card.CardFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.uliege.library.registration.base.PdfFonts;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpdf.text.pdf.PdfReader;

/**
 * The printed card, read back by tools nobody here wrote: poppler (text, fonts, images, pixels at
 * 300 dpi) and zbar (the barcode). The PDFs and their pages as PNG stay in {@code target/cards/}
 * for people to look at.
 */
class CardPdfTest {

    private static final Path CARDS = Path.of("target", "cards");
    private static final int DPI = 300;

    private static final String FIRST = "Zoë Çağla";
    private static final String LAST = "Đurđević Ñúñez-Łukasiewicz Ørsted-Åström";
    private static final String LONG_FIRST = "Hélène-Françoise Marie-Ægidia Bénédicte";
    private static final String LONG_LAST = "d’Ursel de Bouillon-Saint-Éloi-Œdipe Wolfeschlegelsteinhausenbergerdorff"
            + " Ñúñez-Łukasiewicz de la Fontaine-Ørsted-Åström";
    /** One word: it cannot go onto a second line, only get smaller. */
    private static final String ONE_WORD =
            "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflege";

    private final CardPdf cards = new CardPdf();

    @BeforeAll
    static void directory() throws IOException {
        Files.createDirectories(CARDS);
    }

    @Test
    @DisplayName("Both pages are ISO/IEC 7810 ID-1, 85.60 × 53.98 mm, within 0.1 mm")
    void id1() throws IOException {
        var reader =
                new PdfReader(cards.render(card("B123456", FIRST, LAST, photo(1), "4821", Gender.F, Language.FRE)));

        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        for (int page = 1; page <= 2; page++) {
            var size = reader.getPageSizeWithRotation(page);
            assertThat(size.getWidth() * 25.4 / 72)
                    .as("page %d width, mm", page)
                    .isCloseTo(85.60, within(0.1));
            assertThat(size.getHeight() * 25.4 / 72)
                    .as("page %d height, mm", page)
                    .isCloseTo(53.98, within(0.1));
        }
        reader.close();
    }

    @Test
    @DisplayName("The front shows the band's words, the accented names, the identifier and no date; the back the code")
    void texts() throws IOException {
        var pdf = write("short", card("B123456", FIRST, LAST, photo(1), "4821", Gender.F, Language.FRE));

        var front = text(pdf, 1);
        var back = text(pdf, 2);

        assertThat(front).contains("ULiège Library", "Lecteur extérieur / External patron", FIRST, LAST, "B123456");
        assertThat(back).contains("B123456", "Code d’activation / Activation code: 4821");
        assertThat(front + back)
                .as("no expiry date (R-CARD-3a)")
                .doesNotContainPattern(Pattern.compile("\\b(19|20)\\d{2}\\b"))
                .doesNotContainPattern(Pattern.compile("\\d{1,2}\\s*[./-]\\s*\\d{1,2}\\s*[./-]\\s*\\d{2,4}"))
                .doesNotContainIgnoringCase("valid")
                .doesNotContainIgnoringCase("expir");
    }

    @ParameterizedTest
    @ValueSource(strings = {"B123456", "B950012", "BX000731"})
    @DisplayName("zbar reads exactly the identifier from the back's barcode, printed at 300 dpi")
    void barcode(String identifier) throws IOException {
        var pdf =
                write("barcode-" + identifier, card(identifier, FIRST, LAST, photo(2), "0007", Gender.M, Language.ENG));
        var back = png(pdf, "barcode-" + identifier).back();

        assertThat(run("zbarimg", "--raw", "-q", back.toString()).strip()).isEqualTo(identifier);
        assertThat(text(pdf, 2)).contains(identifier, "Activation code: 0007");
    }

    @Test
    @DisplayName("The front has an orange band across its top, and white under it")
    void orangeBand() throws IOException {
        var front = ImageIO.read(png(
                        write("short", card("B123456", FIRST, LAST, photo(1), "4821", Gender.F, Language.FRE)), "short")
                .front()
                .toFile());

        assertThat(front.getWidth()).isCloseTo(px(85.60f), within(1));
        for (float x : new float[] {0.5f, 50f, 60f, 70f, 80f, 85f}) {
            for (float y : new float[] {0.5f, 2f, 5f, 8f, 11f, 12f}) {
                int rgb = front.getRGB(px(x), px(y));
                int red = rgb >> 16 & 0xff;
                int green = rgb >> 8 & 0xff;
                int blue = rgb & 0xff;
                assertThat(red).as("red at %s × %s mm", x, y).isGreaterThan(200);
                assertThat(green).as("green at %s × %s mm", x, y).isBetween(100, 180);
                assertThat(blue).as("blue at %s × %s mm", x, y).isLessThan(80);
            }
        }
        assertThat(front.getRGB(px(84f), px(20f)) & 0xffffff)
                .as("under the band")
                .isEqualTo(0xffffff);
    }

    @Test
    @DisplayName("A very long name is printed whole, on two lines at most per name, and nothing reaches the right edge")
    void longName() throws IOException {
        var pdf = write("long", card("B950012", LONG_FIRST, LONG_LAST, photo(3), "5190", Gender.X, null));

        var front = text(pdf, 1);

        assertThat(squeezed(front)).contains(squeezed(LONG_FIRST)).contains(squeezed(LONG_LAST));
        assertThat(front.lines().filter(line -> line.contains("Wolfeschlegelsteinhausenbergerdorff")))
                .hasSize(1);
        assertThat(front).contains("B950012");
        assertRightMarginBlank(png(pdf, "long").front());
    }

    @Test
    @DisplayName("A name that is one long word shrinks until it fits, whole")
    void oneWord() throws IOException {
        var pdf = write("one-word", card("B950013", "Hubert", ONE_WORD, photo(4), "1234", Gender.M, Language.FRE));

        assertThat(squeezed(text(pdf, 1))).contains(ONE_WORD);
        assertRightMarginBlank(png(pdf, "one-word").front());
    }

    @Test
    @DisplayName(
            "Fitting a name: one line if it fits at the smallest size, else two, each within the width, nothing lost")
    void fitting() {
        float width = 146f;
        var shortName = CardPdf.fit(PdfFonts.BOLD, "Ørsted", 12f, 6.5f, width);
        assertThat(shortName.lines()).containsExactly("Ørsted");
        assertThat(shortName.size()).isEqualTo(12f);

        var longName = CardPdf.fit(PdfFonts.BOLD, LONG_LAST, 12f, 6.5f, width);
        assertThat(longName.lines()).hasSize(2);
        assertThat(String.join(" ", longName.lines()).replace("- ", "-")).isEqualTo(LONG_LAST);
        assertThat(longName.lines())
                .allSatisfy(line -> assertThat(PdfFonts.BOLD.getWidthPoint(line, longName.size()))
                        .isLessThanOrEqualTo(width + 0.01f));

        var oneWord = CardPdf.fit(PdfFonts.BOLD, ONE_WORD, 12f, 6.5f, width);
        assertThat(oneWord.lines()).containsExactly(ONE_WORD);
        assertThat(PdfFonts.BOLD.getWidthPoint(ONE_WORD, oneWord.size())).isLessThanOrEqualTo(width + 0.01f);
    }

    @Test
    @DisplayName("Every font is embedded, and it is Liberation Sans")
    void fontsAreEmbedded() throws IOException {
        var pdf = write("fonts", card("B123456", FIRST, LAST, photo(1), "4821", Gender.F, Language.FRE));

        var report = run("pdffonts", pdf.toString()).lines().toList();

        int emb = report.getFirst().indexOf("emb");
        var fonts = report.subList(2, report.size());
        assertThat(fonts).hasSize(2).allSatisfy(font -> {
            assertThat(font).contains("LiberationSans");
            assertThat(font.substring(emb, emb + 3)).as(font).isEqualTo("yes");
        });
    }

    @Test
    @DisplayName("A card printed already activated says so on its back and carries no code")
    void alreadyActivated() throws IOException {
        var pdf = write("activated", card("B123456", FIRST, LAST, photo(1), null, Gender.F, Language.FRE));

        var back = text(pdf, 2);

        assertThat(back)
                .contains("Carte activée / Card activated", "B123456")
                .doesNotContainIgnoringCase("code")
                .doesNotContainPattern(Pattern.compile("\\b\\d{4}\\b"));
        assertThat(run("zbarimg", "--raw", "-q", png(pdf, "activated").back().toString())
                        .strip())
                .isEqualTo("B123456");
    }

    @Test
    @DisplayName("The photo goes in whole, at card resolution; without one the card prints with an empty frame")
    void photoOrFrame() throws IOException {
        var withPhoto = write("photo", card("B123456", FIRST, LAST, photo(1), "4821", Gender.F, Language.FRE));
        var without = write("no-photo", card("B123457", FIRST, LAST, null, "4821", Gender.F, Language.FRE));

        var images =
                run("pdfimages", "-list", withPhoto.toString()).lines().skip(2).toList();
        assertThat(images)
                .singleElement()
                .satisfies(line -> assertThat(line.split("\\s+"))
                        .contains(String.valueOf(CardPhoto.WIDTH), String.valueOf(CardPhoto.HEIGHT), "jpeg"));
        assertThat(run("pdfimages", "-list", without.toString()).lines().skip(2))
                .isEmpty();

        assertThat(text(without, 1)).contains(FIRST, LAST, "B123457");
        var front = ImageIO.read(png(without, "no-photo").front().toFile());
        assertThat(front.getRGB(px(4f + 11f), px(12.5f + 3f + 13.75f)) & 0xffffff)
                .as("inside the frame")
                .isEqualTo(0xffffff);
        assertThat(darkest(front, px(4f) - 3, px(4f) + 3, px(20f), px(30f)))
                .as("the frame's left side")
                .isLessThan(230);
        var photographed = ImageIO.read(png(withPhoto, "photo").front().toFile());
        assertThat(photographed.getRGB(px(4f + 11f), px(12.5f + 3f + 13.75f)) & 0xffffff)
                .as("the photo's face")
                .isNotEqualTo(0xffffff);
    }

    private static void assertRightMarginBlank(Path frontPng) throws IOException {
        var front = ImageIO.read(frontPng.toFile());
        int from = front.getWidth() - px(3.5f);
        int top = px(12.5f + 0.5f);
        assertThat(darkest(front, from, front.getWidth() - 1, top, front.getHeight() - 1))
                .as("the darkest pixel between the text's right margin and the card's edge")
                .isGreaterThan(230);
    }

    /** The smallest of the red, green and blue values in the rectangle (inclusive). */
    private static int darkest(BufferedImage image, int x0, int x1, int y0, int y1) {
        int darkest = 255;
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                int rgb = image.getRGB(x, y);
                darkest = Math.min(darkest, Math.min(rgb >> 16 & 0xff, Math.min(rgb >> 8 & 0xff, rgb & 0xff)));
            }
        }
        return darkest;
    }

    private Path write(String name, CardPrint card) throws IOException {
        return Files.write(CARDS.resolve(name + ".pdf"), cards.render(card));
    }

    private record Pages(Path front, Path back) {}

    /** Both pages at 300 dpi, as {@code name-front.png} and {@code name-back.png}. */
    private static Pages png(Path pdf, String name) throws IOException {
        run(
                "pdftoppm",
                "-r",
                String.valueOf(DPI),
                "-png",
                pdf.toString(),
                CARDS.resolve(name).toString());
        var front = Files.move(
                CARDS.resolve(name + "-1.png"),
                CARDS.resolve(name + "-front.png"),
                StandardCopyOption.REPLACE_EXISTING);
        var back = Files.move(
                CARDS.resolve(name + "-2.png"), CARDS.resolve(name + "-back.png"), StandardCopyOption.REPLACE_EXISTING);
        return new Pages(front, back);
    }

    private static int px(float mm) {
        return Math.round(mm * DPI / 25.4f);
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s", "");
    }
}
