package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The load test of docs/performance.md works as documented, in a tiny run: 2 clients for 2 seconds, one start. It
 * checks the tool, not the figures (tests must not depend on timing).
 */
class ServiceLoadSmokeTest {

    private static final Path JAR = Path.of("..", "ruxo-rules-cli", "target", "ruxo-rules-cli.jar");

    @Test
    void aShortRunAnswersWithoutErrorsAndReportsEveryFigure() throws Exception {
        assertThat(JAR).as("the packaged tool; build the reactor (./mvnw verify) first").isRegularFile();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ServiceLoad.main(new String[] {"--jar", JAR.toString(), "--seconds", "2", "--warmup", "1",
                "--clients", "2", "--starts", "1", "--xmx", "256m"});
        } finally {
            System.setOut(out);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        out.print(report);

        assertThat(report).contains("JVM start to first answered hook, 1 starts", "2 clients", " 0 errors",
                "server-side processing", "server-side wait for a worker", "client round trip", "server RSS",
                "server live heap after full GC, after:  ").doesNotContain("NaN", "no heap figure");
    }
}
