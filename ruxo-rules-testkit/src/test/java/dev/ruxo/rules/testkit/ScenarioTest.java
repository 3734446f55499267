package dev.ruxo.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.KnowledgeBaseInfo;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario runner reports every kind of mismatch, so a scenario file can fail. */
class ScenarioTest {

    private static final KnowledgeBaseInfo KB = new KnowledgeBaseInfo("test", "US", "2025-09");
    private static final String REQUEST = """
            {"asOf":"2026-11-22","patient":{"birthDate":"1990-01-01"},
             "order":{"indication":{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"L20.9"},"bsaPercent":%s}}""";

    /** Answers one CRITICAL DOSING finding when BSA is above 20, nothing otherwise. */
    private static final CheckEngine ENGINE = new CheckEngine() {
        @Override
        public Assessment check(CheckRequest request) {
            RequestValidation.requireValid(request, request.asOf());
            List<Finding> findings = request.order().bsaPercent().intValue() > 20
                    ? List.of(new Finding("RUXO-DOSE-BSA-AD", Category.DOSING, Severity.CRITICAL, "too large", null,
                    new Source("label", "2.1", "2025-09", null, true), true))
                    : List.of();
            return Assessment.of(findings, KB);
        }

        @Override
        public KnowledgeBaseInfo knowledgeBase() {
            return KB;
        }
    };

    @TempDir
    Path dir;

    private Scenario scenario(String bsa, String expect) throws IOException {
        Path file = dir.resolve("case.json");
        Files.writeString(file, "{\"request\":" + REQUEST.formatted(bsa) + ",\"expect\":" + expect + "}");
        return Scenarios.read(file);
    }

    @Test
    void matchingExpectationPasses() throws IOException {
        assertThat(scenario("25", """
                {"decision":"STOP","findings":[{"ruleId":"RUXO-DOSE-BSA-AD","severity":"CRITICAL"}]}""")
                .mismatches(ENGINE)).isEmpty();
        assertThat(scenario("10", "{\"decision\":\"PROCEED\"}").mismatches(ENGINE)).isEmpty();
    }

    @Test
    void wrongDecisionFails() throws IOException {
        assertThat(scenario("10", "{\"decision\":\"STOP\"}").mismatches(ENGINE))
                .anySatisfy(p -> assertThat(p).contains("expected decision STOP but was PROCEED"));
    }

    @Test
    void missingFindingFails() throws IOException {
        assertThat(scenario("10", """
                {"decision":"PROCEED","findings":[{"ruleId":"RUXO-DOSE-BSA-AD"}]}""").mismatches(ENGINE))
                .anySatisfy(p -> assertThat(p).contains("missing finding RUXO-DOSE-BSA-AD"));
    }

    @Test
    void wrongSeverityFails() throws IOException {
        assertThat(scenario("25", """
                {"decision":"STOP","findings":[{"ruleId":"RUXO-DOSE-BSA-AD","severity":"WARNING"}]}""")
                .mismatches(ENGINE)).anySatisfy(p -> assertThat(p).contains("missing finding"));
    }

    @Test
    void unexpectedFindingFailsUnlessOnlyListedIsFalse() throws IOException {
        assertThat(scenario("25", "{\"decision\":\"STOP\"}").mismatches(ENGINE))
                .anySatisfy(p -> assertThat(p).contains("unexpected findings [RUXO-DOSE-BSA-AD CRITICAL]"));
        assertThat(scenario("25", "{\"decision\":\"STOP\",\"onlyListed\":false}").mismatches(ENGINE)).isEmpty();
    }

    @Test
    void absentRuleThatFiresFails() throws IOException {
        assertThat(scenario("25", """
                {"decision":"STOP","onlyListed":false,"absent":["RUXO-DOSE-BSA-AD"]}""").mismatches(ENGINE))
                .anySatisfy(p -> assertThat(p).contains("must not fire"));
    }

    @Test
    void invalidRequestsAreExpectedByField() throws IOException {
        assertThat(scenario("-5", "{\"invalid\":[\"order.bsaPercent\"]}").mismatches(ENGINE)).isEmpty();
        assertThat(scenario("-5", "{\"invalid\":[\"order.quantityGrams\"]}").mismatches(ENGINE))
                .anySatisfy(p -> assertThat(p).contains("expected violations on [order.quantityGrams]"));
        assertThat(scenario("-5", "{\"decision\":\"PROCEED\"}").mismatches(ENGINE))
                .anySatisfy(p -> assertThat(p).contains("rejected"));
        assertThat(scenario("10", "{\"invalid\":[\"order.bsaPercent\"]}").mismatches(ENGINE))
                .anySatisfy(p -> assertThat(p).contains("but it was assessed"));
    }

    @Test
    void malformedScenarioFilesNameTheFileAndTheProblem() throws IOException {
        assertThatThrownBy(() -> scenario("10", "{\"decision\":\"MAYBE\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case.json")
                .hasMessageContaining("decision");
        assertThatThrownBy(() -> scenario("10", "{\"decison\":\"STOP\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decison");
    }
}
