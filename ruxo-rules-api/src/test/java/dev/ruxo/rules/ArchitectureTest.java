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
 * The API module depends on nothing at run time, refers to no engine, and its packages have no cycles. Its one
 * compile-time dependency is JSpecify's nullness annotations, in provided scope and {@code requires static}. A plain
 * scan of the POM and the sources: no extra dependency needed to keep the rule.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([a-z][\\w.]*)\\.[A-Z*]", Pattern.MULTILINE);

    @Test
    void pomHasNoDependencyOutsideTestScopeButTheNullnessAnnotations() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        int count = 0;
        while (m.find()) {
            count++;
            String dependency = m.group(1);
            if (dependency.contains("<groupId>org.jspecify</groupId>")) {
                assertThat(dependency).contains("<artifactId>jspecify</artifactId>").contains("<scope>provided</scope>");
            } else {
                assertThat(dependency).as("dependency %s", dependency.strip()).contains("<scope>test</scope>");
            }
        }
        assertThat(count).as("the test dependencies themselves were found").isPositive();
    }

    @Test
    void moduleRequiresNothingAtRunTime() throws IOException {
        String moduleInfo = Files.readString(SOURCES.resolve("module-info.java"));
        Matcher requires = Pattern.compile("^\\s*requires\\s+([^;]+);", Pattern.MULTILINE).matcher(moduleInfo);
        while (requires.find()) {
            assertThat(requires.group(1).strip()).isEqualTo("static org.jspecify");
        }
    }

    @Test
    void everyPackageIsNullMarked() throws IOException {
        for (Path file : javaFiles()) {
            if (file.getFileName().toString().equals("package-info.java")) {
                assertThat(Files.readString(file)).as(file.toString()).contains("@NullMarked");
            }
        }
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
                assertThat(m.group(1)).as("import in %s", file)
                        .matches("java\\..*|dev\\.ruxo\\.rules(\\..*)?|org\\.jspecify\\.annotations");
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
