package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.drools.DroolsCheckEngine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests at the edges of what validation lets through: dates in the years 0 and 9999, counts just below 10⁹,
 * numbers with 30 decimal places, 64 KiB texts. Each is assessed, quickly, and the rules still see the values for what
 * they are. One step beyond (dates at {@link LocalDate#MIN} and {@link LocalDate#MAX}, {@link Integer#MAX_VALUE}
 * counts, 31 decimal places, a birth date 131 years back) is a violation of the field, never an answer (issue 13).
 */
class ExtremeValuesTest {

    private static final int LARGEST_COUNT = 999_999_999;

    private static DroolsCheckEngine engine;
    private static CheckRequest typical;

    @BeforeAll
    static void engine() {
        engine = DroolsCheckEngine.builder().build();
        typical = Requests.typical();
    }

    @Test
    void aTherapyStartInTheYearZeroIsStillALongCourse() {
        assertThat(ruleIds(check(order(typical.order().toBuilder().therapyStartDate(LocalDate.of(0, 1, 1))))))
                .contains("RUXO-DOSE-DURATION-AD");
        assertThat(ruleIds(check(order(typical.order().toBuilder().therapyStartDate(LocalDate.of(9999, 12, 31))))))
                .doesNotContain("RUXO-DOSE-DURATION-AD");
    }

    @Test
    void datesBeyondTheYearsTheWireFormatCanWriteAreViolations() {
        for (LocalDate start : List.of(LocalDate.of(-6_000_000, 1, 1), LocalDate.MIN, LocalDate.MAX)) {
            assertThat(violations(() -> order(typical.order().toBuilder().therapyStartDate(start))))
                    .as("therapy since %s", start).containsExactly("order.therapyStartDate");
        }
        assertThat(violations(() -> typical.toBuilder().asOf(LocalDate.MAX).build())).contains("asOf");
        assertThat(violations(() -> typical.toBuilder().patient(typical.patient().toBuilder()
                .birthDate(LocalDate.MIN).build()).build())).containsExactly("patient.birthDate");
    }

    @Test
    void dispensesAtTheEndsOfTheYearsAreJudgedByTheirDates() {
        CheckRequest future = typical.toBuilder().dispenses(List.of(Dispense.of(LocalDate.of(9999, 12, 31), 60,
                LARGEST_COUNT))).build();
        assertThat(ruleIds(engine.check(future))).contains("RUXO-DOSE-REFILL-TOO-SOON");
        CheckRequest past = typical.toBuilder().dispenses(List.of(Dispense.of(LocalDate.of(0, 1, 1), 60,
                740_000))).build();
        assertThat(ruleIds(engine.check(past))).doesNotContain("RUXO-DOSE-REFILL-TOO-SOON");
        assertThat(violations(() -> typical.toBuilder().dispenses(List.of(Dispense.of(LocalDate.MAX, 60,
                Integer.MAX_VALUE))).build())).containsExactlyInAnyOrder("dispenses[0].date", "dispenses[0].daysSupply");
    }

    @Test
    void extremeButValidNumbersAndTextsAreAssessed() {
        String huge = "tofacitinib ".repeat(65_536 / 12);
        List<CheckRequest> requests = List.of(
                order(typical.order().toBuilder().bsaPercent(new BigDecimal("1E-30"))
                        .quantityGrams(new BigDecimal("999999999.999999999999999999999999999999"))
                        .daysSupply(1).applicationsPerDay(LARGEST_COUNT)),
                order(typical.order().toBuilder().bsaPercent(new BigDecimal("100")).quantityGrams(BigDecimal.ONE)
                        .daysSupply(LARGEST_COUNT).route(huge)),
                typical.toBuilder().asOf(LocalDate.of(9999, 12, 31)).patient(typical.patient().toBuilder()
                        .birthDate(LocalDate.of(9900, 1, 1)).build()).build(),
                typical.toBuilder().medications(List.of(Medication.named(huge, huge),
                        Medication.rxnorm("9".repeat(10_000), huge, null))).build());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (CheckRequest r : requests) {
                Assessment a = engine.check(r);
                assertThat(a.findings()).allSatisfy(f -> assertThat(f.summary()).hasSizeLessThanOrEqualTo(
                        Finding.MAX_SUMMARY_LENGTH));
            }
        });
        assertThat(ruleIds(engine.check(requests.get(0)))).contains("RUXO-DOSE-FREQ-HIGH", "RUXO-DOSE-QTY-WEEKLY");
        assertThat(ruleIds(engine.check(requests.get(1)))).contains("RUXO-DOSE-ROUTE");
        assertThat(ruleIds(engine.check(requests.get(3)))).contains("RUXO-DDI-JAK");
    }

    @Test
    void oneStepBeyondTheNumberBoundsIsAViolation() {
        assertThat(violations(() -> order(typical.order().toBuilder().applicationsPerDay(Integer.MAX_VALUE))))
                .containsExactly("order.applicationsPerDay");
        assertThat(violations(() -> order(typical.order().toBuilder()
                .bsaPercent(new BigDecimal("1E-31")).quantityGrams(new BigDecimal("1000000000")))))
                .containsExactlyInAnyOrder("order.bsaPercent", "order.quantityGrams");
    }

    private static List<String> violations(java.util.function.Supplier<CheckRequest> build) {
        try {
            engine.check(build.get());
        } catch (InvalidRequestException e) {
            return e.violations().stream().map(v -> v.field()).toList();
        }
        throw new AssertionError("the request was assessed");
    }

    private static CheckRequest order(Order.Builder order) {
        return typical.toBuilder().order(order.build()).build();
    }

    private static Assessment check(CheckRequest request) {
        return engine.check(request);
    }

    private static List<String> ruleIds(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).toList();
    }
}
