package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tool end to end with the engine {@code RuxoRules.newEngine()} finds (the Drools module), on the example
 * requests in {@code examples/}.
 */
class BuiltInEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = ExamplesTest.EXAMPLES;

    private record Run(int status, String out, String err) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String example(String name) {
        return EXAMPLES.resolve(name).toString();
    }

    @Test
    void examplesGetTheDecisionsTheirNamesPromise() throws IOException {
        Run run = run("check", "--format", "json",
                example("adult-atopic-dermatitis.json"),
                example("vitiligo-bsa-too-large.json"),
                example("ad-with-dupilumab.json"),
                example("child-atopic-dermatitis.json"));

        assertThat(run.status()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).extracting(l -> l.get("input").asText()).containsExactly(
                example("adult-atopic-dermatitis.json"), example("vitiligo-bsa-too-large.json"),
                example("ad-with-dupilumab.json"), example("child-atopic-dermatitis.json"));
        assertThat(lines.get(0).get("decision").asText()).isNotEqualTo("STOP");
        assertThat(lines.get(1).get("decision").asText()).isEqualTo("STOP");
        assertThat(lines.get(2).get("decision").asText()).isEqualTo("STOP");
        assertThat(lines.get(3).get("decision").asText()).isNotEqualTo("STOP");
        assertThat(lines).allSatisfy(l -> assertThat(l.get("knowledgeBase").get("jurisdiction").asText()).isEqualTo("US"));
    }

    @Test
    void invalidExamplesExitTwoWithErrorObjects() throws IOException {
        Run run = run("check", "--format", "json", example("invalid/negative-bsa.json"), example("invalid/not-json.json"));

        assertThat(run.status()).isEqualTo(2);
        List<JsonNode> lines = run.lines();
        assertThat(lines).extracting(l -> l.get("error").asText()).containsOnly("INVALID_REQUEST");
        assertThat(lines.get(0).get("violations").get(0).get("field").asText()).isEqualTo("order.bsaPercent");
        assertThat(lines.get(1).get("violations").get(0).get("field").asText()).isEqualTo("$");
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void textOutputPutsTheDecisionFirst() {
        Run run = run("check", example("vitiligo-bsa-too-large.json"));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("STOP  " + example("vitiligo-bsa-too-large.json") + "\n  CRITICAL  ");
    }

    @Test
    void versionNamesTheKnowledgeBase() {
        Run run = run("--version");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("knowledge base ", "jurisdiction US");
    }

    @Test
    void engineLoggingStaysOffStandardOutput() {
        Run run = run("check", "--format", "json", example("adult-atopic-dermatitis.json"));

        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).startsWith("{\"input\":"));
    }
}
