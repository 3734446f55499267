package dev.ruxo.rules.drools.properties;

import static dev.ruxo.rules.drools.properties.PropertySupport.check;
import static dev.ruxo.rules.drools.properties.PropertySupport.fired;
import static dev.ruxo.rules.drools.properties.PropertySupport.qt;
import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;

import dev.ruxo.rules.Category;
import dev.ruxo.rules.testkit.CheckRequests;
import dev.ruxo.rules.testkit.Generators;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The testkit's generators say what their values are (interacting, not interacting, a risk factor, unrelated); the
 * US knowledge base agrees, so properties built on those names test what they claim to.
 */
class GeneratorLabelsPropertyTest {

    @Test
    void interactingMedicationsRaiseAnInteraction() {
        qt(200).forAll(Generators.interactingMedications()).checkAssert(drug ->
                assertThat(check(CheckRequests.adultAtopicDermatitis().medication(drug).build()))
                        .hasFinding(Category.INTERACTION));
    }

    @Test
    void nonInteractingMedicationsRaiseNoInteraction() {
        qt(200).forAll(Generators.nonInteractingMedications()).checkAssert(drug ->
                assertThat(check(CheckRequests.adultAtopicDermatitis().medication(drug).build()))
                        .hasNoFinding(Category.INTERACTION));
    }

    @Test
    void cardiovascularRiskFactorsRaiseTheMaceWarningAt60() {
        qt(200).forAll(Generators.cardiovascularRiskFactors()).checkAssert(risk -> Assertions.assertThat(fired(
                check(CheckRequests.adultAtopicDermatitis().age(60).condition(risk).build()), "RUXO-SAF-MACE-AGE"))
                .as("%s", risk).isTrue());
    }

    @Test
    void unrelatedConditionsChangeNothing() {
        qt(200).forAll(Generators.unrelatedConditions()).checkAssert(other ->
                Assertions.assertThat(check(CheckRequests.adultAtopicDermatitis().age(60).condition(other).build()))
                        .isEqualTo(check(CheckRequests.adultAtopicDermatitis().age(60).build())));
    }
}
