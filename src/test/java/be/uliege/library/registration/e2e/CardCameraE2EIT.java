package be.uliege.library.registration.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.uliege.library.registration.card.CardPhoto;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The desk's camera in Chromium (R-CARD-1…3): an operator opens the camera on the patron's card
 * screen, sees the live picture and its countdown, takes a photo, retakes it, chooses it, associates
 * it and prints the card. Chromium's fake camera stands in for the desk's (none can be plugged in
 * here); everything else — the page, the server, the database, the PDF — is the real one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CardCameraE2EIT {

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PatronService patrons;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launchWithFakeCamera();
        browser = chromium.browser;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anOperatorTakesAPhotoWithTheCamera_retakesIt_choosesIt_andPrintsTheCard() throws Exception {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("[\\d-]", "q");
        var patron = DeskFixtures.as(
                "operator",
                () -> patrons.registerAtDesk(
                        PatronKind.B,
                        new PatronDraft(
                                "Maëlle",
                                "Caméra-" + tag,
                                Gender.F,
                                LocalDate.of(1993, 9, 9),
                                Language.FRE,
                                "Extérieur",
                                "Aucun",
                                null,
                                "PIB: Interlibrary Loan Services",
                                null,
                                null,
                                List.of(
                                        ContactDraft.email("camera." + tag + "@example.be", ContactUsage.PERSONAL),
                                        ContactDraft.phone("0475 31 41 59", ContactUsage.MOBILE),
                                        ContactDraft.address("Rue Hors-Château 10", "4000", "Liège", "BE")))),
                Roles.DESK_OPERATOR);

        var context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-BE"));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/cards/" + patron.id());
        page.getByLabel("Identifiant").fill("operator");
        page.getByLabel("Mot de passe").fill("demo-operator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        // The patron's identifier, names and card status are on the screen before anything else.
        assertThat(page.locator("#card-title")).containsText(patron.primaryIdentifier());
        assertThat(page.locator("#card-status")).containsText("Pas encore de carte");
        assertThat(page.locator("#photo-associate")).isDisabled();
        assertThat(page.locator("#photo-upload").getByText("Choisir un fichier…"))
                .isVisible();

        // The live preview, with its 60-second countdown.
        page.locator("#camera-start").click();
        assertThat(page.locator("#camera-take")).isVisible();
        assertThat(page.locator("#camera-countdown")).containsText(" s ");
        page.waitForFunction("() => { const v = document.getElementById('camera-video');"
                + " return v && v.videoWidth > 0 && !v.paused; }");
        page.locator("#camera-take").click();
        assertThat(page.locator("#camera-choose")).isVisible();

        // Once the photo is taken the camera goes off; retake opens it again.
        page.waitForFunction("() => window.__deskCamera == null");
        page.locator("#camera-retake").click();
        assertThat(page.locator("#camera-take")).isVisible();
        page.waitForFunction("() => { const v = document.getElementById('camera-video');"
                + " return v && v.videoWidth > 0 && !v.paused && window.__deskCamera != null; }");
        page.evaluate("() => { window.__tracks = window.__deskCamera.getTracks(); }");
        page.locator("#camera-take").click();
        assertThat(page.locator("#camera-choose")).isVisible();
        page.waitForFunction(
                "() => window.__deskCamera == null && window.__tracks.every(t => t.readyState === 'ended')");
        page.locator("#camera-choose").click();
        assertThat(page.locator("#camera-start")).isVisible();

        // Framed in the card's photo frame, then associated with the patron shown.
        assertThat(page.locator("#photo-preview")).isVisible();
        assertThat(page.locator("#photo-associate")).isEnabled();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/e2e/card-camera.png"))
                .setFullPage(true));
        page.locator("#photo-associate").click();
        assertThat(page.locator("#photo-current")).isVisible();

        var stored =
                jdbc.queryForMap("select jpeg, source, taken_by from patron_photo where patron_id = ?", patron.id());
        Assertions.assertThat(stored.get("source")).isEqualTo("CAMERA");
        Assertions.assertThat(stored.get("taken_by")).isEqualTo("operator");
        var photo = ImageIO.read(new ByteArrayInputStream((byte[]) stored.get("jpeg")));
        Assertions.assertThat(photo.getWidth()).isEqualTo(CardPhoto.WIDTH);
        Assertions.assertThat(photo.getHeight()).isEqualTo(CardPhoto.HEIGHT);
        Assertions.assertThat(distinctShades(photo))
                .as("a picture, not a blank frame")
                .isGreaterThan(20);

        // The site list is labelled in words and wide enough to read the longest site's name.
        assertThat(page.locator("#card-site > label[slot=label]")).containsText("Site du guichet");
        page.locator("#card-site vaadin-select-value-button").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("Sciences et Techniques"))
                .click();
        assertThat(page.locator("#card-site vaadin-select-value-button")).containsText("Sciences et Techniques");
        // The text's own width (a range over it is not clipped) against the room the field gives it.
        var widths = (String)
                page.evaluate("() => { const b = document.querySelector('#card-site vaadin-select-value-button');"
                        + " const r = document.createRange(); r.selectNodeContents(b);"
                        + " return r.getBoundingClientRect().width + ' ' + b.getBoundingClientRect().width; }");
        var text = Double.parseDouble(widths.split(" ")[0]);
        var room = Double.parseDouble(widths.split(" ")[1]);
        Assertions.assertThat(text)
                .as("the longest site name fits in the field")
                .isLessThanOrEqualTo(room + 1)
                .isGreaterThan(100);
        page.locator("#card-site vaadin-select-value-button").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("ALPHA"))
                .click();

        // The card is printed with that photo.
        page.locator("#card-print").click();
        assertThat(page.locator("#card-pdf")).isVisible();
        assertThat(page.locator("#card-status")).containsText("ALP");
        var pdf = page.request()
                .get((String) page.evaluate("() => document.getElementById('card-pdf').href"))
                .body();
        Assertions.assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Assertions.assertThat(jdbc.queryForObject(
                        "select count(*) from card where patron_id = ? and status = 'PRINTED'",
                        Integer.class,
                        patron.id()))
                .isEqualTo(1);
        context.close();
    }

    private static int distinctShades(BufferedImage image) {
        var shades = new HashSet<Integer>();
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                shades.add((image.getRGB(x, y) >> 2) & 0x3f3f3f);
            }
        }
        return shades.size();
    }
}
