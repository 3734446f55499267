package dev.ruxo.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API module depends on nothing, refers to no engine, and its packages have no cycles. A plain scan of the POM
 * and the sources: no extra dependency needed to keep the rule.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([a-z][\\w.]*)\\.[A-Z*]", Pattern.MULTILINE);

    @Test
    void pomHasNoDependencyOutsideTestScope() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        int count = 0;
        while (m.find()) {
            count++;
            assertThat(m.group(1)).as("dependency %s", m.group(1).strip()).contains("<scope>test</scope>");
        }
        assertThat(count).as("the test dependencies themselves were found").isPositive();
    }

    @Test
    void moduleRequiresNothingButTheJavaBaseModule() throws IOException {
        String moduleInfo = Files.readString(SOURCES.resolve("module-info.java"));
        assertThat(moduleInfo).doesNotContain("requires");
    }

    @Test
    void nothingRefersToDroolsKieJacksonOrLogging() throws IOException {
        for (Path file : javaFiles()) {
            String text = Files.readString(file).toLowerCase(java.util.Locale.ROOT);
            assertThat(text).as(file.toString())
                    .doesNotContain("org.drools").doesNotContain("org.kie")
                    .doesNotContain("com.fasterxml").doesNotContain("org.slf4j");
        }
    }

    @Test
    void importsComeOnlyFromTheJdkAndTheApiItself() throws IOException {
        for (Path file : javaFiles()) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                assertThat(m.group(1)).as("import in %s", file).matches("java\\..*|dev\\.ruxo\\.rules(\\..*)?");
            }
        }
    }

    @Test
    void packagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> uses = new HashMap<>();
        for (Path file : javaFiles()) {
            String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                if (m.group(1).startsWith("dev.ruxo") && !m.group(1).equals(pkg)) {
                    uses.computeIfAbsent(pkg, k -> new HashSet<>()).add(m.group(1));
                }
            }
        }
        for (String start : uses.keySet()) {
            assertThat(reaches(uses, start, start, new HashSet<>())).as("cycle through %s in %s", start, uses).isFalse();
        }
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(uses, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(list).isNotEmpty();
            return list;
        }
    }
}
