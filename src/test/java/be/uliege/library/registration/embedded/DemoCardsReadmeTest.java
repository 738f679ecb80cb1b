package be.uliege.library.registration.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** R-CARD-5: the demo cards the README lists are those the embedded defaults print. */
class DemoCardsReadmeTest {

    @Test
    void theReadmeListsTheDemoCardsAndTheirCodes() throws IOException {
        var readme = Files.readString(Path.of("README.md"));
        var listed = new TreeMap<String, String>();
        var row = Pattern.compile("(?m)^\\| `(B\\d{6})` \\| `(\\d{4})` \\|$").matcher(readme);
        while (row.find()) {
            listed.put(row.group(1), row.group(2));
        }
        assertThat(listed).isEqualTo(DemoData.DEMO_CARDS).hasSizeGreaterThanOrEqualTo(3);
    }
}
