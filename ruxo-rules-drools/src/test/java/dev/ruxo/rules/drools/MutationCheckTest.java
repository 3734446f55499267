package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.drools.internal.KnowledgeBaseFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The mutation check makes the mutants docs/mutation-testing.md describes, and the commands of that page name profiles
 * that exist. (The check itself takes minutes and is not part of the test run.)
 */
class MutationCheckTest {

    private static final KnowledgeBaseFiles BUILT_IN = KnowledgeBaseFiles.builtIn();

    @Test
    void everyParameterMovesOneStepEitherWay() {
        var mutants = MutationCheck.parameterMutants(BUILT_IN);
        assertThat(mutants).hasSize(2 * TestEngine.engine().compiled().params().size());
        assertThat(mutants).extracting(MutationCheck.Mutant::description)
                .contains("AD_MAX_BSA_PERCENT 20 -> 19", "AD_MAX_BSA_PERCENT 20 -> 21",
                        "REFILL_MIN_USED_FRACTION 0.75 -> 0.74", "REFILL_MIN_USED_FRACTION 0.75 -> 0.76");
    }

    @Test
    void everyRuleIsDroppedOnceAndTheRestStillCompiles() {
        var mutants = MutationCheck.ruleMutants(BUILT_IN);
        assertThat(mutants).hasSize(TestEngine.engine().compiled().rules().size());
        var first = mutants.get(0);
        var engine = DroolsCheckEngine.builder().files(first.files()).build();
        assertThat(engine.compiled().rules()).hasSize(TestEngine.engine().compiled().rules().size() - 1);
    }

    @Test
    void everyComparisonIsFlippedButParameterLookupsAreNot() {
        var mutants = MutationCheck.operatorMutants(BUILT_IN);
        assertThat(mutants).isNotEmpty();
        assertThat(mutants).extracting(MutationCheck.Mutant::description)
                .anyMatch(d -> d.contains("\"Treated area above the atopic dermatitis limit\" > -> >="))
                .anyMatch(d -> d.contains("\"Treated area above the atopic dermatitis limit\" > -> <="))
                .noneMatch(d -> d.contains("Param"));
        for (var m : mutants) {
            String mutated = m.files().files().entrySet().stream()
                    .filter(e -> !e.getValue().equals(BUILT_IN.files().get(e.getKey()))).map(e -> e.getValue())
                    .findFirst().orElseThrow();
            assertThat(mutated).doesNotContain("Param(id != ");
        }
    }

    @Test
    void valueSetRowsAreSampledWithAFixedSeed() {
        var a = MutationCheck.valueSetMutants(BUILT_IN, 10);
        var b = MutationCheck.valueSetMutants(BUILT_IN, 10);
        assertThat(a).hasSize(10).extracting(MutationCheck.Mutant::description)
                .isEqualTo(b.stream().map(MutationCheck.Mutant::description).toList());
    }

    @Test
    void theCommandsOfThePageNameProfilesThatExist() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "mutation-testing.md"));
        Matcher m = Pattern.compile("-P(\\w+)").matcher(doc);
        int found = 0;
        while (m.find()) {
            found++;
            String profile = "<id>" + m.group(1) + "</id>";
            assertThat(Files.readString(Path.of("pom.xml"))).as("profile %s in ruxo-rules-drools/pom.xml", m.group(1))
                    .contains(profile);
        }
        assertThat(found).isEqualTo(2);
        assertThat(Files.readString(Path.of("..", "ruxo-rules-json", "pom.xml"))).contains("<id>pitest</id>");
    }
}
