package be.uliege.library.registration.fee;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.fee.ReceiptPdf.Receipt;
import be.uliege.library.registration.fee.ReceiptPdf.Receipt.Line;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed receipt, read back with poppler's tools (a reader nobody here wrote). */
class ReceiptPdfTest {

    private static final String NAME = "Zoë Ødegård-Łukasiewicz Müller-Français";

    /** 14:30 in Brussels (summer time, UTC+2). */
    private static final Instant PAID_AT = Instant.parse("2025-07-03T12:30:00Z");

    @TempDir
    Path directory;

    @Test
    @DisplayName("A French receipt shows the patron's accented name, the lines, the waiver and the total")
    void french() throws Exception {
        var pdf = write("fr.pdf", receipt(NAME, Locale.FRENCH));

        var text = text(pdf);

        assertThat(text)
                .contains("ULiège Library")
                .contains("Reçu n° R-2025-000042")
                .contains(NAME)
                .contains("LIB-0012345")
                .contains("03/07/2025 14:30")
                .contains("Bibliothèque des Sciences de la vie")
                .contains("Encaissé par")
                .contains("jdupont")
                .contains("Droit d'inscription annuel")
                .contains("Exonéré : Étudiant boursier")
                .contains("Espèces");
        assertThat(line(text, "Total payé")).contains("5,00 €");
        assertThat(line(text, "Droit d'inscription annuel")).contains("5,00 €");
        assertThat(line(text, "Carte de remplacement")).contains("10,00 €");
    }

    @Test
    @DisplayName("An English receipt is titled Receipt and paid in cash, amounts in the English format")
    void english() throws Exception {
        var pdf = write("en.pdf", receipt(NAME, Locale.ENGLISH));

        var text = text(pdf);

        assertThat(text)
                .contains("ULiège Library")
                .contains("Receipt no. R-2025-000042")
                .contains(NAME)
                .contains("Received by")
                .contains("Waived: Étudiant boursier")
                .contains("Payment method: Cash")
                .doesNotContain("Reçu", "Espèces");
        assertThat(line(text, "Total paid")).contains("€5.00");
        assertThat(line(text, "Carte de remplacement")).contains("€10.00");
    }

    @Test
    @DisplayName("A language other than French gives English")
    void otherLanguagesAreEnglish() throws Exception {
        var text = text(write("nl.pdf", receipt(NAME, Locale.of("nl", "BE"))));

        assertThat(text).contains("Receipt no.", "Cash");
    }

    @Test
    @DisplayName("Every font is embedded, and it is Liberation Sans")
    void fontsAreEmbedded() throws Exception {
        var pdf = write("fonts.pdf", receipt(NAME, Locale.FRENCH));

        var report = run("pdffonts", pdf.toString()).lines().toList();

        var header = report.getFirst();
        int emb = header.indexOf("emb");
        var fonts = report.subList(2, report.size());
        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font).contains("LiberationSans");
            assertThat(font.substring(emb, emb + 3)).as(font).isEqualTo("yes");
        });
    }

    @Test
    @DisplayName("One A5 page, titled with the receipt's number, dated at the payment")
    void metadata() throws Exception {
        var info = run(
                "pdfinfo",
                "-isodates",
                write("info.pdf", receipt(NAME, Locale.FRENCH)).toString());

        assertThat(info)
                .containsPattern("Title:\\s+Reçu n° R-2025-000042")
                .containsPattern("Pages:\\s+1\\n")
                .containsPattern("Page size:\\s+420 x 595 pts \\(A5\\)")
                .containsPattern("CreationDate:\\s+2025-07-03T14:30:00\\+02(:00)?");
    }

    @Test
    @DisplayName("Rendering the same receipt twice prints the same text and metadata")
    void deterministic() throws Exception {
        var receipt = receipt(NAME, Locale.FRENCH);
        var first = write("first.pdf", receipt);
        var second = write("second.pdf", receipt);

        assertThat(text(second)).isEqualTo(text(first));
        assertThat(run("pdfinfo", second.toString()))
                .isEqualTo(run("pdfinfo", first.toString()).replace("first.pdf", "second.pdf"));
    }

    @Test
    @DisplayName("A very long name, even one long word, wraps onto several lines and is never cut")
    void longNamesWrap() throws Exception {
        var longName = "María de los Dolores Concepción Fernández de Córdoba y Álvarez de Toledo-Szőke"
                + " Łopuszańska-Ørsted Straße Ğüneş Ñúñez Weißenbürger-Ævarsdóttir"
                + " Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflege";
        var pdf = write("long.pdf", receipt(longName, Locale.FRENCH));

        var text = text(pdf);

        var lines = text.lines().toList();
        int first = lines.indexOf(line(text, "María"));
        int column = lines.get(first).indexOf("María");
        var continued = lines.subList(first + 1, lines.size()).stream()
                .takeWhile(l -> !l.isBlank())
                .toList();
        assertThat(continued)
                .as("the name goes on over several lines, in the value column")
                .hasSizeGreaterThan(1)
                .allSatisfy(
                        l -> assertThat(l.length() - l.stripLeading().length()).isEqualTo(column));
        var printed = lines.get(first).substring(column) + String.join("", continued);
        assertThat(printed.replaceAll("\\s", "")).isEqualTo(longName.replaceAll("\\s", ""));
        assertThat(run("pdfinfo", pdf.toString())).containsPattern("Pages:\\s+1\\n");
    }

    private static Receipt receipt(String patronName, Locale language) {
        return new Receipt(
                "R-2025-000042",
                PAID_AT,
                "jdupont",
                "Bibliothèque des Sciences de la vie",
                "LIB-0012345",
                patronName,
                List.of(
                        new Line("Droit d'inscription annuel", new BigDecimal("5.00"), false, null),
                        new Line("Carte de remplacement", new BigDecimal("10"), true, "Étudiant boursier")),
                language);
    }

    private Path write(String file, Receipt receipt) throws IOException {
        return Files.write(directory.resolve(file), ReceiptPdf.render(receipt));
    }

    /** The text layer, with no-break spaces (French amounts, "Exonéré :") read as spaces. */
    private static String text(Path pdf) throws IOException, InterruptedException {
        return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-")
                .replace('\u00a0', ' ')
                .replace('\u202f', ' ');
    }

    private static String line(String text, String containing) {
        return text.lines()
                .filter(l -> l.contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing + " in\n" + text));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("%s finished", command[0])
                .isTrue();
        assertThat(process.exitValue())
                .as("%s exit code; output:%n%s", command[0], output)
                .isZero();
        return output;
    }
}
