package com.example.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/testkit.md shows this module's test code word for word, and this module uses no internal package. */
class TestkitDocTest {

    private static final Path SOURCES = Path.of("src/test/java/com/example/pharmacy");

    @Test
    void everyExampleInTheDocIsCompiledTestCode() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "testkit.md"));
        String source = Files.readString(SOURCES.resolve("OrderScreenTest.java"));
        Matcher example = Pattern.compile("<!-- example: (\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int found = 0;
        while (example.find()) {
            found++;
            Matcher region = Pattern.compile("// docs:begin " + Pattern.quote(example.group(1)) + "\\n(.*?)// docs:end",
                    Pattern.DOTALL).matcher(source);
            assertThat(region.find()).as("region %s in OrderScreenTest.java", example.group(1)).isTrue();
            assertThat(normalize(example.group(2))).as("example %s", example.group(1))
                    .isEqualTo(normalize(region.group(1)));
        }
        assertThat(found).isEqualTo(4);
    }

    @Test
    void theScenarioShownIsTheFileTheScenarioTestRuns() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "testkit.md"));
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(json.find()).isTrue();
        assertThat(json.group(1)).isEqualTo(Files.readString(Path.of("src/test/resources/scenarios/large-area-stops.json")));
    }

    @Test
    void onlyPublicApiIsUsed() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> !f.endsWith("TestkitDocTest.java")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(".internal.")
                        .doesNotContain("org.drools").doesNotContain("org.kie");
            }
        }
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
