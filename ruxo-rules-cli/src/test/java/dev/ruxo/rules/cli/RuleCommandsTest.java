package dev.ruxo.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verifyRunsTheBuiltInScenariosAndClosesWithTheCount() {
        Run run = run("verify", "--scenarios", REPO.resolve("scenarios/us").toString());
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
        Run run = run("verify", "--scenarios", scenarios.toString());
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
        Run run = run("check", "--rules", rules.toString(), REPO.resolve("examples/adult-atopic-dermatitis.json")
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
        Run run = run("catalog", "--output", out.toString());
        assertThat(run.status()).isZero();
        assertThat(out).content().isEqualTo(Files.readString(REPO.resolve("docs/rule-catalogue.md")));
    }

    @Test
    void rulesOptionNeedsAnExistingFolder() {
        Run run = run("verify", "--rules", dir.resolve("missing").toString());
        assertThat(run.status()).isEqualTo(ExitStatus.INVALID);
        assertThat(run.err()).contains("--rules needs a folder");
    }
}
