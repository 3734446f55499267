package dev.ruxo.rules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.Finding;
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
 * Valid requests at the edges of what the Java API can express (the JSON reader refuses most of them earlier):
 * dates at {@link LocalDate#MIN} and {@link LocalDate#MAX}, the largest counts, the smallest and longest numbers,
 * 64 KiB texts. Each is assessed, quickly, and the rules still see the values for what they are.
 */
class ExtremeValuesTest {

    private static DroolsCheckEngine engine;
    private static CheckRequest typical;

    @BeforeAll
    static void engine() {
        engine = DroolsCheckEngine.builder().build();
        typical = Requests.typical();
    }

    @Test
    void aTherapyStartMillionsOfYearsAgoIsStillALongCourse() {
        // regression: the day count wrapped around the int range and the duration finding disappeared
        for (LocalDate start : List.of(LocalDate.of(-6_000_000, 1, 1), LocalDate.MIN)) {
            assertThat(ruleIds(check(order(typical.order().toBuilder().therapyStartDate(start)))))
                    .as("therapy since %s", start).contains("RUXO-DOSE-DURATION-AD");
        }
        assertThat(ruleIds(check(order(typical.order().toBuilder().therapyStartDate(LocalDate.MAX)))))
                .doesNotContain("RUXO-DOSE-DURATION-AD");
    }

    @Test
    void dispensesAtTheEndsOfTimeAreJudgedByTheirDates() {
        CheckRequest future = typical.toBuilder().dispenses(List.of(Dispense.of(LocalDate.MAX, 60, Integer.MAX_VALUE)))
                .build();
        assertThat(ruleIds(engine.check(future))).contains("RUXO-DOSE-REFILL-TOO-SOON");
        CheckRequest past = typical.toBuilder().dispenses(List.of(Dispense.of(LocalDate.MIN, 60, Integer.MAX_VALUE)))
                .build();
        assertThat(ruleIds(engine.check(past))).doesNotContain("RUXO-DOSE-REFILL-TOO-SOON");
    }

    @Test
    void extremeButValidNumbersAndTextsAreAssessed() {
        String huge = "tofacitinib ".repeat(65_536 / 12);
        List<CheckRequest> requests = List.of(
                order(typical.order().toBuilder().bsaPercent(new BigDecimal("1E-30"))
                        .quantityGrams(new BigDecimal("999999999.999999999999999999999999999999"))
                        .daysSupply(1).applicationsPerDay(Integer.MAX_VALUE)),
                order(typical.order().toBuilder().bsaPercent(new BigDecimal("100")).quantityGrams(BigDecimal.ONE)
                        .daysSupply(Integer.MAX_VALUE).route(huge)),
                typical.toBuilder().asOf(LocalDate.MAX).build(),
                typical.toBuilder().patient(typical.patient().toBuilder().birthDate(LocalDate.MIN).build()).build(),
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
        assertThat(ruleIds(engine.check(requests.get(4)))).contains("RUXO-DDI-JAK");
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
