package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code check --input cds-hooks} as users run it: the packaged jar, with lib/ beside it, in its own process. */
class CdsHooksJarIT {

    private static final Path JAR = Path.of("target/ruxo-rules-cli.jar");
    private static final Path FIXTURES = Path.of("../ruxo-rules-fhir/src/test/resources/cds-hooks");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int status, String out, String err) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> out = new ArrayList<>();
            for (String line : this.out.split("\n")) {
                out.add(JSON.readTree(line));
            }
            return out;
        }
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the tool did not finish in 120 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }

    @Test
    void cardsOneLinePerFileInInputOrder() throws Exception {
        Run run = run("check", "--input", "cds-hooks", "--format", "cards", fixture("order-sign-complete.json"),
                fixture("no-cream-order.json"), fixture("medication-from-bundle.json"));

        assertThat(run.status()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("input").asText()).isEqualTo(fixture("order-sign-complete.json"));
        assertThat(lines.get(0).get("cards")).isNotEmpty();
        assertThat(lines.get(0).get("cards").get(0).get("indicator").asText()).isEqualTo("critical");
        assertThat(lines.get(0).get("cards").get(0).get("summary").asText()).contains("exceeds the limit");
        assertThat(lines.get(1).get("cards")).isEmpty();
        JsonNode jak = lines.get(2).get("cards").get(0);
        assertThat(jak.get("suggestions").get(0).get("actions").get(0).get("resourceId").asText())
                .isEqualTo("MedicationRequest/draft-tofa");
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void jsonAndTextPrintTheAssessment() throws Exception {
        Run json = run("check", "--input", "cds-hooks", "--format", "json", fixture("order-sign-complete.json"),
                fixture("no-cream-order.json"));
        assertThat(json.status()).as(json.err()).isZero();
        List<JsonNode> lines = json.lines();
        assertThat(lines.get(0).get("decision").asText()).isEqualTo("STOP");
        assertThat(lines.get(0).get("findings")).isNotEmpty();
        assertThat(lines.get(1).get("nothingToCheck").asBoolean()).isTrue();

        Run text = run("check", "--input", "cds-hooks", fixture("order-sign-complete.json"));
        assertThat(text.status()).isZero();
        assertThat(text.out()).startsWith("STOP  " + fixture("order-sign-complete.json"))
                .contains("CRITICAL  DOSING  RUXO-DOSE-QTY-WEEKLY");
    }

    @Test
    void unmappableFhirExitsTwoWithTheFhirPathViolations() throws Exception {
        Run run = run("check", "--input", "cds-hooks", "--format", "cards", fixture("units-ml.json"),
                fixture("order-sign-complete.json"));

        assertThat(run.status()).isEqualTo(2);
        JsonNode error = run.lines().get(0);
        assertThat(error.get("error").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error.get("violations").get(0).get("field").asText()).isEqualTo("MedicationRequest/abc");
        assertThat(error.get("violations").get(0).get("message").asText())
                .isEqualTo("dispenseRequest.quantity.unit 'mL' is not a mass");
        assertThat(run.lines().get(1).get("cards")).isNotEmpty();
    }

    @Test
    void aMissingPatientIsNamedAndExitsTwo() throws Exception {
        Run cards = run("check", "--input", "cds-hooks", "--format", "cards", fixture("prefetch-absent.json"));
        assertThat(cards.status()).isEqualTo(2);
        JsonNode card = cards.lines().get(0).get("cards").get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("warning");
        assertThat(card.get("detail").asText()).contains("Patient");

        Run json = run("check", "--input", "cds-hooks", "--format", "json", fixture("prefetch-absent.json"));
        assertThat(json.status()).isEqualTo(2);
        assertThat(json.lines().get(0).get("violations").get(0).get("message").asText())
                .startsWith("the check cannot run without Patient");
    }

    @Test
    void cardsNeedCdsHooksInput() throws Exception {
        Run run = run("check", "--format", "cards", fixture("order-sign-complete.json"));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--format cards needs --input cds-hooks");
    }

    @Test
    void aWireRequestGivenAsCdsHooksIsRejectedFieldByField() throws Exception {
        Path wire = FIXTURES.resolve("order-sign-complete.wire.json");
        Run run = run("check", "--input", "cds-hooks", "--format", "json", wire.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("\"field\":\"hook\"", "\"field\":\"context\"");
    }
}
