package be.uliege.library.registration.card;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/** What the card tests share: patrons to print, a photo, and the poppler and zbar tools that read the output back. */
final class CardFixtures {

    static final String ACTIVATION_URL = "https://lib.uliege.be/activer";
    static final int TRIES_BEFORE_LOCK = 5;
    static final List<String> ADDRESS = List.of("Quai Roosevelt 1B", "4000 Liège", "Belgique");

    private CardFixtures() {}

    static CardPrint card(
            String identifier,
            String firstName,
            String lastName,
            byte @Nullable [] photo,
            @Nullable String code,
            @Nullable Gender gender,
            @Nullable Language language) {
        return new CardPrint(
                identifier,
                firstName,
                lastName,
                photo,
                code,
                gender,
                language,
                ADDRESS,
                ACTIVATION_URL,
                TRIES_BEFORE_LOCK);
    }

    /** A drawn face on a gradient, at card resolution ({@link CardPhoto#WIDTH} × {@link CardPhoto#HEIGHT}), as a JPEG. */
    static byte[] photo(long seed) {
        var image = new BufferedImage(CardPhoto.WIDTH, CardPhoto.HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int shade = (int) (seed % 60);
        g.setPaint(new GradientPaint(
                0, 0, new Color(150 + shade, 185, 215), 0, CardPhoto.HEIGHT, new Color(60, 90 + shade, 140)));
        g.fillRect(0, 0, CardPhoto.WIDTH, CardPhoto.HEIGHT);
        g.setColor(new Color(40, 50, 70));
        g.fill(new Ellipse2D.Double(40, 290, 220, 200)); // shoulders
        g.setColor(new Color(225, 185 - shade, 150));
        g.fillRect(125, 230, 50, 70); // neck
        g.fill(new Ellipse2D.Double(80, 70, 140, 180)); // face
        g.setColor(new Color(70 + shade, 45, 25));
        g.fill(new Arc2D.Double(72, 50, 156, 120, 0, 180, Arc2D.CHORD)); // hair
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(108, 140, 30, 18));
        g.fill(new Ellipse2D.Double(162, 140, 30, 18));
        g.setColor(new Color(50, 80, 120));
        g.fill(new Ellipse2D.Double(117, 142, 13, 13));
        g.fill(new Ellipse2D.Double(171, 142, 13, 13));
        g.setColor(new Color(160, 60, 60));
        g.setStroke(new BasicStroke(4f));
        g.draw(new Arc2D.Double(120, 180, 60, 35, 200, 140, Arc2D.OPEN)); // smile
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The text layer of one page, with no-break spaces (French colons) read as spaces. */
    static String text(Path pdf, int page) {
        return run(
                        "pdftotext",
                        "-layout",
                        "-enc",
                        "UTF-8",
                        "-f",
                        String.valueOf(page),
                        "-l",
                        String.valueOf(page),
                        pdf.toString(),
                        "-")
                .replace('\u00a0', ' ')
                .replace('\u202f', ' ');
    }

    /**
     * Runs a command, asserts it succeeded within 30 s, and returns what it printed on its standard
     * output (zbarimg complains on its error output when there is no D-Bus, as on these machines).
     */
    static String run(String... command) {
        try {
            var errors = Files.createTempFile("card-test", ".err");
            try {
                var process = new ProcessBuilder(command)
                        .redirectError(errors.toFile())
                        .start();
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(30, TimeUnit.SECONDS))
                        .as("%s finished", command[0])
                        .isTrue();
                assertThat(process.exitValue())
                        .as("%s exit code; output:%n%s%s", command[0], output, Files.readString(errors))
                        .isZero();
                return output;
            } finally {
                Files.delete(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
