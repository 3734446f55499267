package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify, catalog and check --rules with the real engine. */
class RuleCommandsTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;



    @Test
    void verifyRunsTheBuiltInScenariosAndClosesWithTheCount() {
        ToolRun run = ToolRun.of("verify", "--scenarios", REPO.resolve("scenarios/us").toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\d+ passed, 0 failed$").contains("PASS  dosing/");
        assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow()).matches("\\d{2,} passed, 0 failed");
    }

    @Test
    void verifyFailsAndSaysWhyWhenAScenarioFails() throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        String request = Files.readString(REPO.resolve("examples/adult-atopic-dermatitis.json"));
        Files.writeString(scenarios.resolve("wrong.json"),
                "{\"request\":" + request + ",\"expect\":{\"decision\":\"STOP\"}}");
        Files.writeString(scenarios.resolve("broken.json"), "{ not json");
        ToolRun run = ToolRun.of("verify", "--scenarios", scenarios.toString());
        assertThat(run.status()).isEqualTo(ExitStatus.INTERNAL_ERROR);
        assertThat(run.out()).contains("FAIL  wrong.json", "expected decision STOP but was PROCEED",
                "FAIL  broken.json", "not a valid scenario").endsWith("0 passed, 2 failed\n");
    }

    @Test
    void checkWithRulesReportsEveryCompilationErrorWithFileAndLineAndNoStackTrace() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("typo.drl"), """
                package site.rules;
                import dev.ruxo.rules.drools.facts.OrderFact;
                global dev.ruxo.rules.drools.facts.Findings findings;
                rule "typo"
                    @ruleId("RUXO-SITE-TYPO") @category("DOSING") @severity("INFO") @section("policy")
                    @revision("2025-09") @title("typo")
                when
                    OrderFact(bsaPercnt != null)
                then
                end
                """);
        Files.writeString(rules.resolve("syntax.drl"), """
                package site.rules;
                rule "syntax"
                when
                    eval(
                then
                end
                """);
        ToolRun run = ToolRun.of("check", "--rules", rules.toString(), REPO.resolve("examples/adult-atopic-dermatitis.json")
                .toString());
        assertThat(run.status()).isEqualTo(ExitStatus.INTERNAL_ERROR);
        assertThat(run.err()).containsPattern(Pattern.quote(rules.resolve("typo.drl").toString()) + ":8:\\d+: .*bsaPercnt")
                .containsPattern(Pattern.quote(rules.resolve("syntax.drl").toString()) + ":\\d+:\\d+: ")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void catalogWritesTheCommittedCatalogue() throws IOException {
        Path out = dir.resolve("catalogue.md");
        ToolRun run = ToolRun.of("catalog", "--output", out.toString());
        assertThat(run.status()).isZero();
        assertThat(out).content().isEqualTo(Files.readString(REPO.resolve("docs/rule-catalogue.md")));
    }

    @Test
    void rulesOptionNeedsAnExistingFolder() {
        ToolRun run = ToolRun.of("verify", "--rules", dir.resolve("missing").toString());
        assertThat(run.status()).isEqualTo(ExitStatus.INVALID);
        assertThat(run.err()).contains("--rules needs a folder");
    }
}
