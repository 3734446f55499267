package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark requests do the work docs/performance.md says they do. */
class RequestsTest {

    private static DroolsCheckEngine engine;

    @BeforeAll
    static void engine() {
        engine = DroolsCheckEngine.builder().build();
    }

    @Test
    void typicalIsAnAdultWithThreeMedicationsTwoConditionsOneDispenseAndProceeds() {
        CheckRequest typical = Requests.typical();
        assertThat(typical.medications()).hasSize(3);
        assertThat(typical.patient().conditions()).hasSize(2);
        assertThat(typical.dispenses()).hasSize(1);
        Assessment assessment = engine.check(typical);
        assertThat(assessment.decision()).isEqualTo(Decision.PROCEED);
        assertThat(ruleIds(assessment)).containsExactly("RUXO-DATA-MED-UNRECOGNISED", "RUXO-DDI-CYP3A4-MODERATE");
    }

    @Test
    void heavyHasFortyMedicationsThirtyConditionsTwentyDispenses() {
        CheckRequest heavy = Requests.heavy();
        assertThat(heavy.medications()).hasSize(40);
        assertThat(heavy.patient().conditions()).hasSize(30);
        assertThat(heavy.dispenses()).hasSize(20);
        // One finding per rule, each counting what it stands for: "(+N more)" (issue 13, item 12).
        int found = engine.check(heavy).findings().stream().mapToInt(f -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\+(\\d+) more\\)$").matcher(f.summary());
            return m.find() ? 1 + Integer.parseInt(m.group(1)) : 1;
        }).sum();
        assertThat(found).isGreaterThan(30);
    }

    @Test
    void manyRulesFiresAtLeastTwentyFiveRulesInEveryCategory() {
        Assessment assessment = engine.check(Requests.manyRules());
        assertThat(assessment.decision()).isEqualTo(Decision.STOP);
        assertThat(ruleIds(assessment)).hasSizeGreaterThanOrEqualTo(25);
        assertThat(assessment.findings().stream().map(Finding::category)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class))))
                .containsExactlyInAnyOrder(Category.values());
    }

    @Test
    void scaledRequestsHaveTheirListSizes() {
        CheckRequest r = Requests.scaled(7, 5, 3);
        assertThat(r.medications()).hasSize(7);
        assertThat(r.patient().conditions()).hasSize(5);
        assertThat(r.dispenses()).hasSize(3);
    }

    private static Set<String> ruleIds(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }
}
