package dev.ruxo.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static CheckRequest request(Patient patient, Order order) {
        return new CheckRequest(TODAY, patient, order, List.of(), List.of());
    }

    private static Patient adult() {
        return Patient.builder().birthDate(LocalDate.of(1990, 1, 1)).build();
    }

    private static Order.Builder order() {
        return Order.builder().indication(Coding.icd10cm("L20.9", "Atopic dermatitis"));
    }

    private static List<String> fields(CheckRequest r) {
        return RequestValidation.violations(r, TODAY).stream().map(Violation::field).toList();
    }

    @Test
    void minimalRequestIsValid() {
        assertThat(RequestValidation.violations(request(adult(), order().build()), TODAY)).isEmpty();
    }

    @Test
    void ageIsRequiredAsBirthDateOrAgeYears() {
        assertThat(fields(request(Patient.builder().build(), order().build()))).containsExactly("patient.birthDate");
        assertThat(fields(request(Patient.builder().ageYears(30).build(), order().build()))).isEmpty();
    }

    @Test
    void birthDateAfterTheEvaluationDateIsInvalid() {
        var p = Patient.builder().birthDate(TODAY.plusDays(1)).build();
        assertThat(fields(request(p, order().build()))).containsExactly("patient.birthDate");
        assertThat(fields(request(Patient.builder().birthDate(TODAY).build(), order().build()))).isEmpty();
    }

    @Test
    void indicationIsRequired() {
        assertThat(fields(request(adult(), order().indication(null).build()))).containsExactly("order.indication");
        assertThat(fields(request(adult(), order().indication(new Coding(null, " ", null)).build())))
                .containsExactly("order.indication.system", "order.indication.code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "100.0001", "-0.0"})
    void bsaOutsideZeroToHundredIsInvalid(String bsa) {
        assertThat(fields(request(adult(), order().bsaPercent(bsa).build()))).containsExactly("order.bsaPercent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0001", "20", "100", "100.0"})
    void bsaInsideZeroToHundredIsValid(String bsa) {
        assertThat(fields(request(adult(), order().bsaPercent(bsa).build()))).isEmpty();
    }

    @Test
    void quantityDaysAndApplicationsMustBePositive() {
        var o = order().quantityGrams(BigDecimal.ZERO).daysSupply(0).applicationsPerDay(-1).build();
        assertThat(fields(request(adult(), o)))
                .containsExactly("order.quantityGrams", "order.daysSupply", "order.applicationsPerDay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"50881-007-05", "50881000705", "50881-0007-05", "1234-5678-90", "12345-6789-0"})
    void wellFormedNdcsAreValid(String ndc) {
        assertThat(fields(request(adult(), order().ndc(ndc).build()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "50881-07-05", "5088100070", "abcde-fgh-ij", "508810007055"})
    void malformedNdcsAreInvalid(String ndc) {
        assertThat(fields(request(adult(), order().ndc(ndc).build()))).containsExactly("order.ndc");
    }

    @Test
    void listEntriesAreReportedWithTheirIndex() {
        var r = new CheckRequest(TODAY, Patient.builder().birthDate(LocalDate.of(1990, 1, 1))
                .addCondition(Coding.icd10cm("I10", null)).addCondition(new Coding("x", null, null)).build(),
                order().build(),
                List.of(Medication.named("tofacitinib", null), new Medication(null, "123", null, null, null),
                        new Medication(null, null, " ", null, null)),
                List.of(new Dispense(null, BigDecimal.ONE, 7), new Dispense(TODAY, BigDecimal.ZERO, null)));
        assertThat(fields(r)).containsExactly("patient.conditions[1].code", "medications[1].system", "medications[2]",
                "dispenses[0].date", "dispenses[1].quantityGrams", "dispenses[1].daysSupply");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        var r = new CheckRequest(TODAY, Patient.builder().build(), order().indication(null).bsaPercent("-5")
                .daysSupply(0).build(), List.of(), List.of());
        assertThatThrownBy(() -> RequestValidation.requireValid(r, TODAY))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).hasSize(4))
                .hasMessageContaining("order.bsaPercent");
    }

    @Test
    void missingPatientAndOrderAreReported() {
        assertThat(fields(new CheckRequest(TODAY, null, null, null, null))).containsExactly("patient", "order");
    }

    @Test
    void builderValidatesOnBuild() {
        assertThatThrownBy(() -> CheckRequest.builder().asOf(TODAY).patient(adult()).order(order().bsaPercent("0")
                .build()).build()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("bsaPercent");
    }
}
