package dev.ruxo.rules.drools.properties;

import static dev.ruxo.rules.drools.properties.PropertySupport.check;
import static dev.ruxo.rules.drools.properties.PropertySupport.qt;
import static dev.ruxo.rules.drools.properties.PropertySupport.withPatient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.Generators;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** What must not matter: list order, stopped medications, unrelated drugs (beyond one note), asking twice. */
class InvariancePropertyTest {

    private static final String UNKNOWN_DRUG = "pyridostigmine 60 mg tablet";

    @Test
    void shufflingMedicationsConditionsAndDispensesChangesNothing() {
        qt(1000).forAll(Generators.requests(), SourceDSL.longs().all()).checkAssert((request, seed) -> {
            Random random = new Random(seed);
            CheckRequest shuffled = withPatient(request.toBuilder()
                    .medications(shuffle(request.medications(), random))
                    .dispenses(shuffle(request.dispenses(), random)).build(),
                    p -> p.conditions(shuffle(request.patient().conditions(), random)));
            assertThat(check(shuffled)).as("shuffled%n%s", shuffled).isEqualTo(check(request));
        });
    }

    @Test
    void aStoppedMedicationChangesNothing() {
        qt(800).forAll(Generators.requests(), Generators.stoppedMedications(), SourceDSL.integers().between(0, 4))
                .checkAssert((request, stopped, at) -> {
                    List<Medication> meds = new ArrayList<>(request.medications());
                    meds.add(Math.min(at, meds.size()), stopped);
                    assertThat(check(request.toBuilder().medications(meds).build())).isEqualTo(check(request));
                });
    }

    @Test
    void anUnrelatedActiveMedicationAddsOnlyOneUnrecognisedNote() {
        qt(800).forAll(Generators.requests()).checkAssert(request -> {
            Assessment before = check(request);
            Assessment after = check(request.toBuilder().addMedication(Medication.named(UNKNOWN_DRUG, null)).build());
            String note = "RUXO-DATA-MED-UNRECOGNISED";
            assertThat(after.decision()).isEqualTo(before.decision());
            assertThat(after.findings()).filteredOn(f -> !f.ruleId().equals(note))
                    .isEqualTo(before.findings().stream().filter(f -> !f.ruleId().equals(note)).toList());
            // The note counts one more co-medication (issue 13, item 12: one finding per rule, with a count).
            int earlier = before.findings().stream().filter(f -> f.ruleId().equals(note))
                    .mapToInt(PropertySupport::count).sum();
            assertThat(after.findings()).as("%s%nthen%n%s", before, after).filteredOn(f -> f.ruleId().equals(note))
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.INFO);
                        assertThat(f.category()).isEqualTo(Category.DATA);
                        assertThat(PropertySupport.count(f)).isEqualTo(earlier + 1);
                        assertThat(f.summary() + " " + f.detail()).contains(UNKNOWN_DRUG);
                    });
        });
    }

    @Test
    void aCommonDrugKnownNotToInteractChangesNothing() {
        qt(800).forAll(Generators.requests()).checkAssert(request -> {
            Assessment after = check(request.toBuilder()
                    .addMedication(Medication.named("lisinopril 10 MG Oral Tablet", null)).build());
            assertThat(after).isEqualTo(check(request));
        });
    }

    @Test
    void theSameRequestTwiceGivesEqualAssessments() {
        qt(800).forAll(Generators.requests()).checkAssert(request ->
                assertThat(check(request)).isEqualTo(check(request)));
    }

    private static <T> List<T> shuffle(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
