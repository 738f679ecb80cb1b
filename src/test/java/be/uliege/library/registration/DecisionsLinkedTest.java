package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every written decision is linked from the code it shapes ({@code @see "docs/decisions/…"}), and
 * every link leads to a decision that exists: a reader of the code finds the why, a reader of the
 * decision finds the code.
 */
class DecisionsLinkedTest {

    private static final Pattern LINK = Pattern.compile("@see \"docs/decisions/([\\w.-]+\\.md)\"");

    @Test
    void everyDecisionIsLinkedFromTheCode_andEveryLinkExists() throws IOException {
        var decisions = new TreeSet<String>();
        try (Stream<Path> files = Files.list(Path.of("docs/decisions"))) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md"))
                    .forEach(decisions::add);
        }
        var linked = new TreeSet<String>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (var source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                var matcher = LINK.matcher(Files.readString(source));
                while (matcher.find()) {
                    linked.add(matcher.group(1));
                }
            }
        }
        assertThat(decisions).isNotEmpty();
        assertThat(linked).as("decisions linked from the code").containsAll(decisions);
        assertThat(decisions).as("links to decisions that exist").containsAll(linked);
    }
}
