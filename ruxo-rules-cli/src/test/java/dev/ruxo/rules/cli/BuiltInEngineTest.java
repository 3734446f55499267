package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tool end to end with the engine {@code RuxoRules.newEngine()} finds (the Drools module), on the example
 * requests in {@code examples/}.
 */
class BuiltInEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = ExamplesTest.EXAMPLES;



    private static String example(String name) {
        return EXAMPLES.resolve(name).toString();
    }

    @Test
    void examplesGetTheDecisionsTheirNamesPromise() throws IOException {
        ToolRun run = ToolRun.of("check", "--format", "json",
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
        ToolRun run = ToolRun.of("check", "--format", "json", example("invalid/negative-bsa.json"), example("invalid/not-json.json"));

        assertThat(run.status()).isEqualTo(2);
        List<JsonNode> lines = run.lines();
        assertThat(lines).extracting(l -> l.get("error").asText()).containsOnly("INVALID_REQUEST");
        assertThat(lines.get(0).get("violations").get(0).get("field").asText()).isEqualTo("order.bsaPercent");
        assertThat(lines.get(1).get("violations").get(0).get("field").asText()).isEqualTo("$");
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void textOutputPutsTheDecisionFirst() {
        ToolRun run = ToolRun.of("check", example("vitiligo-bsa-too-large.json"));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("STOP  " + example("vitiligo-bsa-too-large.json") + "\n  CRITICAL  ");
    }

    @Test
    void versionNamesTheKnowledgeBase() {
        ToolRun run = ToolRun.of("--version");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("knowledge base ", "jurisdiction US");
    }

    @Test
    void engineLoggingStaysOffStandardOutput() {
        ToolRun run = ToolRun.of("check", "--format", "json", example("adult-atopic-dermatitis.json"));

        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).startsWith("{\"input\":"));
    }
}
