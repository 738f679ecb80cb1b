package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, point 3: no class above about 300 lines without the reason written at its top, so that
 * a class grows long by decision, not by accretion.
 */
class ClassSizeTest {

    /** About 300 lines: the formatter's long argument lists count too. */
    private static final int LONG = 350;

    private static final Pattern REASON = Pattern.compile("(?s)/\\*\\*.*?<p>Longer than .*?\\*/");

    @Test
    @DisplayName("Issue 14: a class longer than about 300 lines says why at its top")
    void aLongClassSaysWhy() throws IOException {
        var unexplained = new ArrayList<String>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var text = Files.readString(file);
                long lines = text.lines().count();
                if (lines > LONG && !REASON.matcher(text).find()) {
                    unexplained.add(file + " (" + lines + " lines)");
                }
            }
        }
        assertThat(unexplained).as("long classes without their reason").isEmpty();
    }
}
