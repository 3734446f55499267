package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.testkit.Scenario;
import dev.ruxo.rules.testkit.Scenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The end-to-end scenario files in the repository's scenarios/ folder, one dynamic test each. */
class ScenarioFilesTest {

    static final Path SCENARIOS = Path.of("..", "scenarios", "us");

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Scenarios.dynamicTests(SCENARIOS, TestEngine.engine());
    }

    @Test
    void everyRuleGroupHasScenarios() {
        List<Scenario> all = Scenarios.load(SCENARIOS);
        assertThat(all).hasSizeGreaterThan(50);
        for (String prefix : List.of("RUXO-IND-", "RUXO-DOSE-", "RUXO-DDI-", "RUXO-SAF-", "RUXO-MON-", "RUXO-DATA-")) {
            assertThat(all).as("scenarios expecting a %s finding", prefix)
                    .anySatisfy(s -> assertThat(s.expected().findings()).anySatisfy(
                            f -> assertThat(f.ruleId()).startsWith(prefix)));
        }
        assertThat(all).as("scenarios of invalid requests")
                .anySatisfy(s -> assertThat(s.expected().invalidFields()).isNotEmpty());
    }
}
