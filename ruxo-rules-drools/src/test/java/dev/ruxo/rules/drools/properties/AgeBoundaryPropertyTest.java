package dev.ruxo.rules.drools.properties;

import static dev.ruxo.rules.drools.properties.PropertySupport.age;
import static dev.ruxo.rules.drools.properties.PropertySupport.check;
import static dev.ruxo.rules.drools.properties.PropertySupport.fired;
import static dev.ruxo.rules.drools.properties.PropertySupport.parameter;
import static dev.ruxo.rules.drools.properties.PropertySupport.qt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.SmokingStatus;
import dev.ruxo.rules.testkit.CheckRequests;
import dev.ruxo.rules.testkit.Generators;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Age thresholds from birth dates: birthdays exactly on the evaluation date, a day either side, and 29 February
 * birthdays evaluated on 28 February and 1 March. The expected age is java.time's {@link java.time.Period}.
 */
class AgeBoundaryPropertyTest {

    /** The codes {@link Generators#cardiovascularRiskFactors()} draws from, as this test knows them. */
    private static final List<String> RISK_CODES = List.of("I10", "E11.9", "E78.5", "I25.10", "Z87.891", "38341003");

    @Test
    void atopicDermatitisStopsExactlyBelowTheMinimumAge() {
        BigDecimal min = parameter("AD_MIN_AGE_YEARS");
        qt(1500).forAll(Generators.atopicDermatitisRequests()).checkAssert(request -> {
            Assessment a = check(request);
            assertThat(fired(a, "RUXO-IND-AGE-AD")).as("age %s (%s on %s): %s", age(request),
                    request.patient().birthDate(), request.asOf(), a).isEqualTo(below(request, min));
            assertThat(fired(a, "RUXO-IND-AGE-VITILIGO")).isFalse();
        });
    }

    @Test
    void vitiligoStopsExactlyBelowTheMinimumAge() {
        BigDecimal min = parameter("VITILIGO_MIN_AGE_YEARS");
        qt(1500).forAll(Generators.vitiligoRequests()).checkAssert(request -> {
            Assessment a = check(request);
            assertThat(fired(a, "RUXO-IND-AGE-VITILIGO")).as("age %s (%s on %s): %s", age(request),
                    request.patient().birthDate(), request.asOf(), a).isEqualTo(below(request, min));
            assertThat(fired(a, "RUXO-IND-AGE-AD")).isFalse();
        });
    }

    @Test
    void maceWarningAppearsFromTheMinimumAgeWithAtLeastOneRiskFactor() {
        BigDecimal min = parameter("MACE_RISK_MIN_AGE_YEARS");
        qt(1500).forAll(maceCandidates()).checkAssert(request -> {
            boolean risk = request.patient().smokingStatus() != SmokingStatus.NEVER
                    || request.patient().conditions().stream().map(Coding::code).anyMatch(RISK_CODES::contains);
            Assessment a = check(request);
            assertThat(fired(a, "RUXO-SAF-MACE-AGE")).as("age %s, risk %s: %s", age(request), risk, a)
                    .isEqualTo(risk && !below(request, min));
        });
    }

    @Test
    void leapDayBirthdaysTurnOverOnTheFirstOfMarchInCommonYears() {
        // The property above draws these; this pins the calendar fact the expectation relies on.
        assertThat(Period.between(LocalDate.of(2024, 2, 29), LocalDate.of(2026, 2, 28)).getYears())
                .isEqualTo(1);
        assertThat(Period.between(LocalDate.of(2024, 2, 29), LocalDate.of(2026, 3, 1)).getYears())
                .isEqualTo(2);
        assertThat(fired(check(CheckRequests.adultAtopicDermatitis().asOf(LocalDate.of(2026, 2, 28))
                .birthDate(LocalDate.of(2024, 2, 29)).build()), "RUXO-IND-AGE-AD")).isTrue();
        assertThat(fired(check(CheckRequests.adultAtopicDermatitis().asOf(LocalDate.of(2026, 3, 1))
                .birthDate(LocalDate.of(2024, 2, 29)).build()), "RUXO-IND-AGE-AD")).isFalse();
    }

    /** An on-label adult order; the only variables are the birth date, one optional risk factor and smoking. */
    private static Gen<CheckRequest> maceCandidates() {
        Gen<List<Coding>> conditions = Generate.pick(List.of(0, 1, 2)).zip(Generators.cardiovascularRiskFactors(),
                Generators.unrelatedConditions(), (kind, risk, other) -> switch (kind) {
                    case 0 -> List.<Coding>of();
                    case 1 -> List.of(risk);
                    default -> List.of(other);
                });
        return in -> {
            LocalDate asOf = Generators.evaluationDates().generate(in);
            CheckRequests.Builder b = CheckRequests.adultAtopicDermatitis().asOf(asOf)
                    .birthDate(Generators.birthDates(asOf).generate(in))
                    .smoking(Generate.pick(List.of(SmokingStatus.NEVER, SmokingStatus.NEVER, SmokingStatus.CURRENT,
                            SmokingStatus.FORMER)).generate(in));
            conditions.generate(in).forEach(b::condition);
            return b.build();
        };
    }

    private static boolean below(CheckRequest request, BigDecimal min) {
        return BigDecimal.valueOf(age(request)).compareTo(min) < 0;
    }
}
