package dev.ruxo.rules.drools.properties;

import static dev.ruxo.rules.drools.properties.PropertySupport.check;
import static dev.ruxo.rules.drools.properties.PropertySupport.qt;
import static dev.ruxo.rules.drools.properties.PropertySupport.ruleIds;
import static dev.ruxo.rules.drools.properties.PropertySupport.withOrder;
import static dev.ruxo.rules.drools.properties.PropertySupport.withPatient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.testkit.Generators;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Making an order worse never makes the answer milder: the decision (PROCEED &lt; REVIEW &lt; STOP) never drops, and
 * no rule that fired before stops firing.
 */
class MonotonicityPropertyTest {

    @Test
    void moreBsaNeverLowersTheDecision() {
        qt(800).forAll(Generators.requests(), Generators.bsaPercents(), Generators.bsaPercents())
                .checkAssert((request, x, y) -> assertNotMilder(
                        withOrder(request, o -> o.bsaPercent(x.min(y))), withOrder(request, o -> o.bsaPercent(x.max(y)))));
    }

    @Test
    void moreGramsNeverLowersTheDecision() {
        List<BigDecimal> more = List.of(BigDecimal.ZERO, new BigDecimal("0.0000001"), BigDecimal.ONE, BigDecimal.TEN,
                BigDecimal.valueOf(60));
        qt(800).forAll(Generators.requests(), Generators.supplies(), Generate.pick(more))
                .checkAssert((request, supply, extra) -> assertNotMilder(
                        withOrder(request, o -> o.quantityGrams(supply.grams()).daysSupply(supply.days())),
                        withOrder(request, o -> o.quantityGrams(supply.grams().add(extra)).daysSupply(supply.days()))));
    }

    @Test
    void fewerDaysSupplyNeverLowersTheDecision() {
        qt(800).forAll(Generators.requests(), Generators.supplies(), SourceDSL.integers().between(0, 30))
                .checkAssert((request, supply, fewer) -> assertNotMilder(
                        withOrder(request, o -> o.quantityGrams(supply.grams()).daysSupply(supply.days() + fewer)),
                        withOrder(request, o -> o.quantityGrams(supply.grams()).daysSupply(supply.days()))));
    }

    @Test
    void oneMoreInteractingDrugNeverLowersTheDecision() {
        qt(800).forAll(Generators.requests(), Generators.interactingMedications()).checkAssert((request, drug) ->
                assertNotMilder(request, request.toBuilder().addMedication(drug).build()));
    }

    @Test
    void oneMoreCardiovascularRiskFactorNeverLowersTheDecision() {
        qt(800).forAll(Generators.requests(), Generators.cardiovascularRiskFactors()).checkAssert((request, risk) ->
                assertNotMilder(request, withPatient(request, p -> p.addCondition(risk))));
    }

    private static void assertNotMilder(CheckRequest milder, CheckRequest worse) {
        Assessment before = check(milder);
        Assessment after = check(worse);
        assertThat(after.decision()).as("%s%nthen%n%s", before, after).isGreaterThanOrEqualTo(before.decision());
        assertThat(ruleIds(after)).as("%s%nthen%n%s", before, after).containsAll(ruleIds(before));
    }
}
