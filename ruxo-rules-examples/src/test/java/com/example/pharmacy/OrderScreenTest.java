package com.example.pharmacy;

// docs:begin setup
import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.RuxoRules;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.CheckRequests;
import dev.ruxo.rules.testkit.Generators;
import dev.ruxo.rules.testkit.Scenarios;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** An application's tests of its use of ruxo-rules: the examples of docs/testkit.md, compiled and run. */
class OrderScreenTest {

    private static final CheckEngine ENGINE = RuxoRules.newEngine();
    // docs:end

    // docs:begin builders-and-assertions
    @Test
    void largeTreatedAreaStopsTheOrder() {
        Assessment assessment = ENGINE.check(CheckRequests.adultAtopicDermatitis().bsa("25").build());

        assertThat(assessment).hasDecision(Decision.STOP)
                .hasFinding(Category.DOSING, Severity.CRITICAL)
                .hasFinding("RUXO-DOSE-BSA-AD")
                .hasNoFinding(Category.INTERACTION);
    }

    @Test
    void dupilumabIsAnInteractionWeShowAsACriticalCard() {
        Assessment assessment = ENGINE.check(CheckRequests.adultAtopicDermatitis()
                .medication("dupilumab 300 MG/2ML prefilled pen", "subcutaneous")
                .build());

        assertThat(assessment).hasFinding("RUXO-DDI-BIOLOGIC", Severity.CRITICAL);
    }
    // docs:end

    // docs:begin scenarios
    @TestFactory
    Stream<DynamicNode> ourScenarios() {
        return Scenarios.dynamicTests(Path.of("src/test/resources/scenarios"), ENGINE);
    }
    // docs:end

    // docs:begin properties
    @Test
    void everyFindingFitsOnACard() {
        qt().withFixedSeed(20261122L).withExamples(300)
                .forAll(Generators.requests())
                .checkAssert(request -> {
                    Assessment assessment = ENGINE.check(request);
                    for (Finding finding : assessment.findings()) {
                        assertThat(finding.summary()).hasSizeLessThanOrEqualTo(140);
                        assertThat(finding.source().section()).isNotBlank();
                    }
                });
    }

    @Test
    void theDecisionNeverGoesDownWhenTheAreaGrows() {
        qt().withFixedSeed(20261122L).withExamples(200)
                .forAll(Generators.bsaPercents(), Generators.bsaPercents())
                .checkAssert((a, b) -> {
                    var small = a.min(b);
                    var large = a.max(b);
                    Decision before = ENGINE.check(CheckRequests.adultAtopicDermatitis().bsa(small).build()).decision();
                    Decision after = ENGINE.check(CheckRequests.adultAtopicDermatitis().bsa(large).build()).decision();
                    assertThat(after).isGreaterThanOrEqualTo(before);
                });
    }
    // docs:end
}
