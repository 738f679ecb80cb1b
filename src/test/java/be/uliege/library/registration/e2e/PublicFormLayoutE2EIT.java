package be.uliege.library.registration.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public form's layout (R-PRE-1) on a 360-px phone and a 1366-px desk computer: the fields of
 * a column all have the same width (a text field as wide as a list beside it), and no field has an
 * empty gap above it bigger than the form's spacing. Screenshots are left in {@code target/e2e/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicFormLayoutE2EIT {

    /** The boxed fields, in the form's order. */
    static final List<String> FIELDS = List.of(
            "firstName",
            "lastName",
            "birthDate",
            "email",
            "phone",
            "address-line1",
            "address-postalCode",
            "address-city",
            "address-country",
            "jobCategory",
            "jobDescription");
    /** Every field, radio groups included, in the form's order: for the gaps. */
    static final List<String> ALL = List.of(
            "firstName",
            "lastName",
            "birthDate",
            "gender",
            "preferredLanguage",
            "email",
            "phone",
            "address-line1",
            "address-postalCode",
            "address-city",
            "address-country",
            "jobCategory",
            "jobDescription",
            "use");

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        browser = chromium.browser;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {360, 1366})
    void theFieldsOfAColumnAreAlikeAndEvenlySpaced(int width) {
        var phone = width < 600;
        var context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-BE")
                .setViewportSize(width, phone ? 780 : 768)
                .setIsMobile(phone)
                .setHasTouch(phone));
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        page.navigate("http://localhost:" + port + "/inscription");
        page.locator("#field-jobDescription").waitFor();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/e2e/public-form-" + width + ".png"))
                .setFullPage(true));

        var boxes = new ArrayList<BoundingBox>();
        for (var field : FIELDS) {
            boxes.add(page.locator("#field-" + field).boundingBox());
        }
        // Fields in the same column (same left edge) have the same width, but for the two that span
        // both columns on a wide screen; none is wider than the page.
        var spanning = List.of(FIELDS.indexOf("address-line1"), FIELDS.indexOf("jobDescription"));
        for (int i = 0; i < boxes.size(); i++) {
            var a = boxes.get(i);
            assertThat(a.x + a.width).as("inside the page at " + width + " px").isLessThanOrEqualTo(width);
            for (int j = 0; j < boxes.size(); j++) {
                var b = boxes.get(j);
                if (Math.abs(a.x - b.x) < 2 && !spanning.contains(i) && !spanning.contains(j)) {
                    assertThat(Math.abs(a.width - b.width))
                            .as(FIELDS.get(i) + " and " + FIELDS.get(j) + ": same column, same width at " + width
                                    + " px")
                            .isLessThan(2.0);
                }
            }
        }
        if (phone) {
            // One column: every field as wide as the others, the two wide ones included.
            var first = boxes.getFirst();
            for (int i = 0; i < boxes.size(); i++) {
                assertThat(Math.abs(boxes.get(i).width - first.width))
                        .as(FIELDS.get(i) + " as wide as the first")
                        .isLessThan(2.0);
                assertThat(Math.abs(boxes.get(i).x - first.x))
                        .as(FIELDS.get(i) + " aligned")
                        .isLessThan(2.0);
            }
            // No empty gap above a field bigger than the spacing between rows.
            for (int i = 1; i < ALL.size(); i++) {
                var above = page.locator("#field-" + ALL.get(i - 1)).boundingBox();
                var below = page.locator("#field-" + ALL.get(i)).boundingBox();
                assertThat(below.y - (above.y + above.height))
                        .as("gap above " + ALL.get(i))
                        .isLessThan(32.0);
            }
        }
        context.close();
    }
}
