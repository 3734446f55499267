package dev.ruxo.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, items 2, 11, 12 and 17 on the Java API path: what the JSON reader refuses, the builders refuse too, with
 * a violation per field rather than an answer or an out-of-memory error.
 */
class ApiBoundsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Order.Builder order() {
        return Order.builder().indication(Coding.icd10cm("L20.9", "Atopic dermatitis"));
    }

    private static CheckRequest.Builder request(Patient patient, Order order) {
        return CheckRequest.builder().asOf(TODAY).patient(patient).order(order);
    }

    private static Patient adult() {
        return Patient.builder().ageYears(40).build();
    }

    private static List<Violation> violations(CheckRequest.Builder builder) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, builder::build);
        return e == null ? List.of() : e.violations();
    }

    // --- item 2: implausible ages from either field

    @Test
    void aPlaceholderBirthDateIsInvalidLikeAnAgeAbove130() {
        assertThat(violations(request(Patient.builder().birthDate(LocalDate.of(1, 1, 1)).build(), order().build())))
                .extracting(Violation::field).containsExactly("patient.birthDate");
        assertThat(violations(request(Patient.builder().ageYears(131).build(), order().build())))
                .extracting(Violation::field).containsExactly("patient.ageYears");
    }

    @Test
    void age130IsTheLastValidAgeFromEitherField() {
        assertThat(violations(request(Patient.builder().ageYears(130).build(), order().build()))).isEmpty();
        assertThat(violations(request(Patient.builder().birthDate(TODAY.minusYears(130)).build(), order().build())))
                .isEmpty();
        assertThat(violations(request(Patient.builder().birthDate(TODAY.minusYears(131)).build(), order().build())))
                .extracting(Violation::field).containsExactly("patient.birthDate");
        assertThat(violations(request(Patient.builder().birthDate(TODAY.minusYears(131).plusDays(1)).build(),
                order().build()))).isEmpty();
    }

    // --- item 11: numbers have upper bounds

    @ParameterizedTest
    @ValueSource(strings = {"1E+999999999", "1000000000", "1e9", "0.0000000000000000000000000000001"})
    void absurdQuantitiesAreViolationsWithAShortMessage(String grams) {
        List<Violation> v = violations(request(adult(), order().quantityGrams(new BigDecimal(grams)).daysSupply(7)
                .build()));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("order.quantityGrams");
            assertThat(x.message()).hasSizeLessThan(150);
        });
    }

    @Test
    void justBelowTheBoundIsFine() {
        assertThat(violations(request(adult(), order().quantityGrams(new BigDecimal("999999999.99")).daysSupply(7)
                .build()))).isEmpty();
    }

    @Test
    void hugeBsaDispenseAndCountsAreViolations() {
        var v = violations(request(adult(), order().bsaPercent(new BigDecimal("1E+999999999"))
                .daysSupply(Integer.MAX_VALUE).applicationsPerDay(1_000_000_000).build())
                .addDispense(new Dispense(TODAY.minusDays(1), new BigDecimal("-1E+999999999"), 7)));
        assertThat(v).extracting(Violation::field).containsExactlyInAnyOrder("order.bsaPercent", "order.daysSupply",
                "order.applicationsPerDay", "dispenses[0].quantityGrams");
        assertThat(v).allSatisfy(x -> assertThat(x.message()).hasSizeLessThan(150));
    }

    @Test
    void datesOutsideTheYearsTheWireFormatCanWriteAreViolations() {
        var v = violations(request(adult(), order().therapyStartDate(LocalDate.MIN).build())
                .addDispense(new Dispense(LocalDate.of(-5, 1, 1), null, 7)).asOf(TODAY));
        assertThat(v).extracting(Violation::field).containsExactlyInAnyOrder("order.therapyStartDate",
                "dispenses[0].date");
    }

    // --- item 12: list sizes are capped, configurably

    @Test
    void aMillionMedicationsAreOneViolationNotAnOutOfMemoryError() {
        List<Medication> many = new ArrayList<>();
        Medication one = Medication.named("lisinopril", "oral");
        for (int i = 0; i < 1_000_000; i++) {
            many.add(one);
        }
        var v = violations(request(adult(), order().build()).medications(many));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.toString())
                .isEqualTo("medications: has 1000000 entries, more than the 1000 allowed"));
    }

    @Test
    void theCapIsInclusiveAndConfigurable() {
        List<Medication> thousand = new ArrayList<>();
        for (int i = 0; i < RequestValidation.Limits.DEFAULT_MAX_LIST_SIZE; i++) {
            thousand.add(Medication.named("drug " + i, "oral"));
        }
        CheckRequest r = new CheckRequest(TODAY, adult(), order().build(), thousand, List.of());
        assertThat(RequestValidation.violations(r, TODAY)).isEmpty();
        assertThat(RequestValidation.violations(r, TODAY, new RequestValidation.Limits(999, 1000, 1000, 100)))
                .extracting(Violation::field).containsExactly("medications");
        List<Coding> conditions = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            conditions.add(Coding.icd10cm("I10", null));
        }
        var p = Patient.builder().ageYears(40).conditions(conditions).build();
        assertThat(RequestValidation.violations(new CheckRequest(TODAY, p, order().build(), List.of(), List.of()), TODAY))
                .extracting(Violation::field).containsExactly("patient.conditions");
    }

    @Test
    void aHugeTextIsAViolationThatDoesNotEchoIt() {
        String huge = "x".repeat(RequestValidation.MAX_TEXT_LENGTH + 1);
        var v = violations(request(adult(), order().build()).addMedication(Medication.named(huge, "oral")));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("medications[0].display");
            assertThat(x.message()).hasSizeLessThan(100);
        });
    }

    // --- item 17: every echoed value is cut and cleaned the same way

    @Test
    void safeTextCutsWithoutSplittingASurrogatePairAndCleansControls() {
        String emoji = "\uD83D\uDE00";
        String text = "a".repeat(138) + emoji + "b";
        String cut = SafeText.cut(text, 140);
        assertThat(cut).hasSizeLessThanOrEqualTo(140).endsWith("\u2026");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(SafeText.clean("ok\nPROCEED\u001b[2K\u202e\uD800")).isEqualTo("ok?PROCEED?[2K??");
        assertThat(SafeText.quote("x".repeat(100))).hasSize(SafeText.QUOTED_LENGTH + 2);
        assertThat(SafeText.clean(emoji)).isEqualTo(emoji);
    }

    @Test
    void aMalformedNdcIsQuotedShortAndClean() {
        var v = violations(request(adult(), order().ndc("\u001b[2J".repeat(10_000)).build()));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.message()).hasSizeLessThan(200)
                .doesNotContain("\u001b"));
    }
}
