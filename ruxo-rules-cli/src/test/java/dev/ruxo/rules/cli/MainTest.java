package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.NoEngineProviderException;
import dev.ruxo.rules.RuleCompilationException;
import dev.ruxo.rules.RuleMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tool's behaviour with a stand-in engine, run in process. */
class MainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final AtomicInteger enginesBuilt = new AtomicInteger();



    private ToolRun run(String... args) {
        return ToolRun.of("", () -> {
            enginesBuilt.incrementAndGet();
            return new FakeEngine();
        }, args);
    }

    private String file(String name, String content) {
        try {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8);
            return path.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String request(String bsa) {
        return request(bsa, "topical");
    }

    private static String request(String bsa, String route) {
        return """
                {"asOf":"2026-11-22","patient":{"birthDate":"1988-03-14"},
                 "order":{"indication":{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"L20.9"},
                          "bsaPercent":%s,"quantityGrams":60,"daysSupply":7,"route":"%s"}}
                """.formatted(bsa, route);
    }

    @Nested
    class JsonFormat {

        @Test
        void printsOneLinePerFileInInputOrderEachNamingItsInput() {
            String stop = file("a/stop.json", request("25"));
            String proceed = file("b/proceed.json", request("12.5"));

            ToolRun run = run("check", "--format", "json", stop, proceed, stop);

            assertThat(run.status()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).endsWith("\n");
            assertThat(run.lines()).extracting(l -> l.get("input").asText()).containsExactly(stop, proceed, stop);
            assertThat(run.lines()).extracting(l -> l.get("decision").asText())
                    .containsExactly("STOP", "PROCEED", "STOP");
            assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).startsWith("{\"input\":"));
            assertThat(run.lines().get(0).get("findings").get(0).get("ruleId").asText())
                    .isEqualTo("RUXO-DOSE-BSA-AD");
            assertThat(run.lines().get(0).get("knowledgeBase").get("version").asText()).isEqualTo("fake-kb-1");
        }

        @Test
        void buildsTheEngineOnceForAllFiles() {
            String a = file("a.json", request("25"));

            run("check", "--format=json", a, a, a);

            assertThat(enginesBuilt).hasValue(1);
        }

        @Test
        void invalidBsaExitsTwoWithAViolationOnTheField() {
            String bad = file("bad.json", request("-5"));
            String good = file("good.json", request("10"));

            ToolRun run = run("check", "--format", "json", bad, good);

            assertThat(run.status()).isEqualTo(2);
            JsonNode error = run.lines().get(0);
            assertThat(error.get("input").asText()).isEqualTo(bad);
            assertThat(error.get("error").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(error.get("violations").get(0).get("field").asText()).isEqualTo("order.bsaPercent");
            assertThat(error.get("violations").get(0).get("message").asText()).contains("greater than 0");
            assertThat(run.lines().get(1).get("decision").asText()).isEqualTo("PROCEED");
        }

        @Test
        void textThatIsNotJsonExitsTwoWithAnErrorObjectAndNoStackTrace() {
            String prose = file("prose.json", "Ruxolitinib cream 1.5%, apply twice daily.\n");

            ToolRun run = run("check", "--format", "json", prose);

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out().lines()).hasSize(1);
            JsonNode error = run.lines().get(0);
            assertThat(error.get("error").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(error.get("violations").get(0).get("field").asText()).isEqualTo("$");
            assertThat(error.get("violations").get(0).get("message").asText()).startsWith("is not valid JSON at line 1");
            run.hasNoStackTrace();
        }

        @Test
        void missingFileExitsTwoWithAnErrorOnTheDocument() {
            String missing = dir.resolve("nowhere.json").toString();

            ToolRun run = run("check", "--format", "json", missing);

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out().trim()).isEqualTo("{\"input\":" + JSON.valueToTree(missing)
                    + ",\"error\":\"INVALID_REQUEST\",\"violations\":[{\"field\":\"$\","
                    + "\"message\":\"cannot read the input file: no such file\"}]}");
            run.hasNoStackTrace();
        }

        @Test
        void directoryExitsTwo() {
            ToolRun run = run("check", "--format", "json", dir.toString());

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.lines().get(0).get("violations").get(0).get("message").asText()).endsWith("is a directory");
        }

        @Test
        void engineFailureExitsOneWithAnInternalErrorAndGoesOnWithTheOtherFiles() {
            String failing = file("failing.json", request("10", FakeEngine.FAILING_ROUTE));
            String good = file("good.json", request("10"));

            ToolRun run = run("check", "--format", "json", failing, good);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo("{\"input\":" + JSON.valueToTree(failing)
                    + ",\"error\":\"INTERNAL_ERROR\",\"message\":\"rule evaluation failed in RUXO-DOSE-BSA-AD\"}");
            assertThat(run.lines().get(1).get("decision").asText()).isEqualTo("PROCEED");
            run.hasNoStackTrace();
        }

        @Test
        void internalErrorWinsOverInvalidInput() {
            String failing = file("failing.json", request("10", FakeEngine.FAILING_ROUTE));
            String bad = file("bad.json", request("-5"));

            assertThat(run("check", "--format", "json", bad, failing).status()).isEqualTo(1);
        }

        @Test
        void engineThatThrowsSomethingUnexpectedIsAnInternalError() {
            ToolRun run = ToolRun.of("", () -> new CheckEngine() {
                @Override
                public Assessment check(CheckRequest request) {
                    throw new IllegalStateException("session disposed");
                }

                @Override
                public KnowledgeBaseInfo knowledgeBase() {
                    return FakeEngine.KB;
                }
            }, "check", "--format", "json", file("a.json", request("10")));

            assertThat(run.status()).isEqualTo(1);
            // The type only: another engine's message could quote the request (issue 13, item 16).
            assertThat(run.lines().get(0).get("message").asText()).contains("IllegalStateException")
                    .doesNotContain("session disposed");
            assertThat(run.out() + run.err()).doesNotContain("\tat ");
        }

        @Test
        void dashReadsStandardInput() {
            String good = file("good.json", request("10"));

            ToolRun run = ToolRun.of(request("30"), MainTest.this::countedEngine, "check", "--format", "json", good, "-");

            assertThat(run.status()).isZero();
            assertThat(run.lines()).extracting(l -> l.get("input").asText()).containsExactly(good, "-");
            assertThat(run.lines().get(1).get("decision").asText()).isEqualTo("STOP");
        }

        @Test
        void emptyStandardInputIsInvalid() {
            ToolRun run = run("check", "--format", "json", "-");

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.lines().get(0).get("violations").get(0).get("message").asText()).startsWith("is empty");
        }

        @Test
        void doubleDashEndsTheOptions() {
            String odd = file("--odd.json", request("10"));

            ToolRun run = run("check", "--format", "json", "--", dir.relativize(Path.of(odd)).toString());

            // Relative to the working directory, so the file is not found; the point is that it is a file name.
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.lines().get(0).get("input").asText()).isEqualTo("--odd.json");
        }
    }

    private CheckEngine countedEngine() {
        enginesBuilt.incrementAndGet();
        return new FakeEngine();
    }

    @Nested
    class TextFormat {

        @Test
        void decisionComesFirstThenOneLinePerFinding() {
            String stop = file("stop.json", request("25"));

            ToolRun run = run("check", stop);

            assertThat(run.status()).isZero();
            assertThat(run.out()).isEqualTo("STOP  " + stop + "\n"
                    + "  CRITICAL  DOSING  RUXO-DOSE-BSA-AD  Treated area 25% exceeds the 20% BSA limit for atopic dermatitis\n");
        }

        @Test
        void invalidInputListsOneViolationPerLine() {
            String bad = file("bad.json", """
                    {"patient":{"birthDate":"yesterday"},"order":{"indication":{"system":"s","code":"L20.9"},"bsaPercent":-5}}""");

            ToolRun run = run("check", "--format", "text", bad);

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEqualTo("INVALID  " + bad + "\n"
                    + "  patient.birthDate: must be a date in the form yyyy-MM-dd, was \"yesterday\"\n"
                    + "  order.bsaPercent: must be greater than 0 and at most 100, was -5\n");
        }

        @Test
        void notJsonHasNoStackTrace() {
            ToolRun run = run("check", file("prose.json", "hello"));

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).startsWith("INVALID  ").contains("  $: is not valid JSON");
            run.hasNoStackTrace();
        }

        @Test
        void engineFailureIsAnErrorLine() {
            String failing = file("failing.json", request("10", FakeEngine.FAILING_ROUTE));

            ToolRun run = run("check", failing);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out()).isEqualTo("ERROR  " + failing + "\n"
                    + "  internal error: rule evaluation failed in RUXO-DOSE-BSA-AD\n");
        }
    }

    @Nested
    class EngineThatCannotBeBuilt {

        @Test
        void ruleCompilationFailurePrintsEachMessageAndExitsOne() {
            ToolRun run = ToolRun.of("", () -> {
                throw new RuleCompilationException(List.of(
                        new RuleMessage("dev/ruxo/rules/dosing.drl", 12, 5, "Unable to resolve bsaa"),
                        new RuleMessage("values/drug-classes.csv", 3, 0, "unknown class")));
            }, "check", file("a.json", request("10")));

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains(
                    "dev/ruxo/rules/dosing.drl:12:5: Unable to resolve bsaa\n",
                    "values/drug-classes.csv:3:0: unknown class\n");
            run.hasNoStackTrace();
        }

        @Test
        void missingProviderPrintsItsMessageAndExitsOne() {
            ToolRun run = ToolRun.of("", () -> {
                throw new NoEngineProviderException("No implementation of CheckEngineProvider was found.");
            }, "check", "--format", "json", file("a.json", request("10")));

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("No implementation of CheckEngineProvider was found.");
        }
    }

    @Nested
    class Usage {

        @ParameterizedTest
        @ValueSource(strings = {"", "frobnicate", "--frobnicate", "check", "check --format", "check --format xml a.json",
                "check --verbose a.json", "help nosuchcommand"})
        void wrongCommandLineExitsTwoWithUsageOnStandardError(String line) {
            ToolRun run = run(line.isEmpty() ? new String[0] : line.split(" "));

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("ruxo-rules: ").contains("Usage: ruxo-rules check");
            assertThat(enginesBuilt).hasValue(0);
        }

        @ParameterizedTest
        @ValueSource(strings = {"--help", "-h", "help"})
        void helpGoesToStandardOutputAndExitsZero(String option) {
            ToolRun run = run(option);

            assertThat(run.status()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains(
                    "Usage: ruxo-rules check [--format text|json] [--rules DIR] [--strict] [--allow-unsafe-rules] FILE...",
                    "ruxo-rules verify [--rules DIR] [--scenarios DIR]", "ruxo-rules catalog [--rules DIR] [--output FILE]",
                    "Exit status:", "2  an input was invalid or unreadable, or the command line was wrong");
        }

        @Test
        void commandHelpDescribesFormatsAndErrors() {
            ToolRun viaHelp = run("help", "check");
            ToolRun viaOption = run("check", "--help");

            assertThat(viaHelp.status()).isZero();
            assertThat(viaHelp.out()).isEqualTo(viaOption.out())
                    .contains("--format text|json", "INVALID_REQUEST", "INTERNAL_ERROR");
        }

        @Test
        void versionPrintsToolAndKnowledgeBase() {
            ToolRun run = run("--version");

            assertThat(run.status()).isZero();
            assertThat(run.out()).startsWith("ruxo-rules ")
                    .contains("knowledge base fake-kb-1 (jurisdiction US, label revision 2025-09)");
            assertThat(run.out().lines().findFirst().orElseThrow()).doesNotContain("unknown", "${");
        }
    }
}
