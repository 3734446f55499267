package dev.ruxo.rules.drools.properties;

import static dev.ruxo.rules.drools.properties.PropertySupport.age;
import static dev.ruxo.rules.drools.properties.PropertySupport.check;
import static dev.ruxo.rules.drools.properties.PropertySupport.findings;
import static dev.ruxo.rules.drools.properties.PropertySupport.fired;
import static dev.ruxo.rules.drools.properties.PropertySupport.isAtopicDermatitis;
import static dev.ruxo.rules.drools.properties.PropertySupport.isVitiligo;
import static dev.ruxo.rules.drools.properties.PropertySupport.parameter;
import static dev.ruxo.rules.drools.properties.PropertySupport.qt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.Generators;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * dosing.drl at every threshold: a finding appears if and only if the input is past the threshold in parameters.csv.
 * The expectation is plain BigDecimal arithmetic on the request.
 */
class DosingBoundaryPropertyTest {

    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);

    @Test
    void atopicDermatitisBsaFindingAppearsExactlyAboveTheLimit() {
        BigDecimal limit = parameter("AD_MAX_BSA_PERCENT");
        qt(1500).forAll(Generators.atopicDermatitisRequests()).checkAssert(request -> {
            BigDecimal bsa = request.order().bsaPercent();
            Assessment a = check(request);
            assertThat(fired(a, "RUXO-DOSE-BSA-AD")).as("BSA %s, limit %s: %s", bsa, limit, a)
                    .isEqualTo(bsa != null && bsa.compareTo(limit) > 0);
            assertThat(findings(a, "RUXO-DOSE-BSA-AD")).allMatch(f -> f.severity() == Severity.CRITICAL);
            assertThat(fired(a, "RUXO-DOSE-BSA-VITILIGO")).isFalse();
        });
    }

    @Test
    void vitiligoBsaFindingAppearsExactlyAboveTheLimit() {
        BigDecimal limit = parameter("VITILIGO_MAX_BSA_PERCENT");
        qt(1500).forAll(Generators.vitiligoRequests()).checkAssert(request -> {
            BigDecimal bsa = request.order().bsaPercent();
            Assessment a = check(request);
            assertThat(fired(a, "RUXO-DOSE-BSA-VITILIGO")).as("BSA %s, limit %s: %s", bsa, limit, a)
                    .isEqualTo(bsa != null && bsa.compareTo(limit) > 0);
            assertThat(findings(a, "RUXO-DOSE-BSA-VITILIGO")).allMatch(f -> f.severity() == Severity.CRITICAL);
            assertThat(fired(a, "RUXO-DOSE-BSA-AD")).isFalse();
        });
    }

    @Test
    void weeklyQuantityFindingAppearsExactlyAboveTheCeilingFromAge12() {
        BigDecimal adultAge = parameter("ADULT_DOSING_MIN_AGE_YEARS");
        BigDecimal max = parameter("MAX_GRAMS_PER_WINDOW");
        BigDecimal window = parameter("QUANTITY_WINDOW_DAYS");
        qt(2000).forAll(Generators.requests()).checkAssert(request -> {
            boolean adult = BigDecimal.valueOf(age(request)).compareTo(adultAge) >= 0;
            Assessment a = check(request);
            assertThat(fired(a, "RUXO-DOSE-QTY-WEEKLY")).as("age %s, %s: %s", age(request), supply(request), a)
                    .isEqualTo(adult && above(request.order(), max, window));
        });
    }

    @Test
    void pediatricCeilingAndMaximumApplyExactlyAboveTheirLimitsUnderAge12WhateverTheIndication() {
        BigDecimal adultAge = parameter("ADULT_DOSING_MIN_AGE_YEARS");
        BigDecimal max = parameter("MAX_GRAMS_PER_WINDOW");
        BigDecimal pediatricMax = parameter("PEDIATRIC_MAX_GRAMS_PER_WINDOW");
        BigDecimal window = parameter("QUANTITY_WINDOW_DAYS");
        qt(2000).forAll(Generators.requests()).checkAssert(request -> {
            boolean child = BigDecimal.valueOf(age(request)).compareTo(adultAge) < 0;
            Assessment a = check(request);
            String why = "age " + age(request) + ", " + supply(request) + ": " + a;
            assertThat(fired(a, "RUXO-DOSE-QTY-PED-CEILING")).as(why)
                    .isEqualTo(child && above(request.order(), max, window));
            assertThat(fired(a, "RUXO-DOSE-QTY-PED-MAX")).as(why)
                    .isEqualTo(child && above(request.order(), pediatricMax, window));
            assertThat(findings(a, "RUXO-DOSE-QTY-PED-CEILING")).allMatch(f -> f.severity() == Severity.CRITICAL);
            assertThat(findings(a, "RUXO-DOSE-QTY-PED-MAX")).allMatch(f -> f.severity() == Severity.WARNING);
        });
    }

    @Test
    void refillTooSoonAppearsOncePerDispenseThatHasUsedLessThanTheRefillShare() {
        BigDecimal share = parameter("REFILL_MIN_USED_FRACTION");
        qt(2000).forAll(Generators.requests()).checkAssert(request -> {
            Set<Dispense> early = new HashSet<>();
            for (Dispense d : request.dispenses()) {
                long elapsed = ChronoUnit.DAYS.between(d.date(), request.asOf());
                if (BigDecimal.valueOf(elapsed).compareTo(share.multiply(BigDecimal.valueOf(d.daysSupply()))) < 0) {
                    early.add(new Dispense(d.date(), null, d.daysSupply()));
                }
            }
            Assessment a = check(request);
            // One finding for all early dispenses, counting the others (issue 13, item 12).
            assertThat(findings(a, "RUXO-DOSE-REFILL-TOO-SOON")).as("dispenses %s on %s: %s", request.dispenses(),
                    request.asOf(), a).hasSize(early.isEmpty() ? 0 : 1).allMatch(f -> f.severity() == Severity.WARNING)
                    .allMatch(f -> PropertySupport.count(f) == early.size());
        });
    }

    @Test
    void atopicDermatitisDurationWarningAppearsFromTheReexaminationWeek() {
        BigDecimal days = parameter("AD_REEXAMINE_WEEKS").multiply(SEVEN);
        qt(1500).forAll(Generators.requests()).checkAssert(request -> {
            Assessment a = check(request);
            assertThat(fired(a, "RUXO-DOSE-DURATION-AD")).as("%s: %s", request.order().therapyStartDate(), a)
                    .isEqualTo(isAtopicDermatitis(request) && treatedAtLeast(request, days));
        });
    }

    @Test
    void vitiligoDurationAdviceAppearsFromTheReevaluationWeek() {
        BigDecimal days = parameter("VITILIGO_REEVALUATE_WEEKS").multiply(SEVEN);
        qt(1500).forAll(Generators.requests()).checkAssert(request -> {
            Assessment a = check(request);
            assertThat(fired(a, "RUXO-DOSE-DURATION-VITILIGO")).as("%s: %s", request.order().therapyStartDate(), a)
                    .isEqualTo(isVitiligo(request) && treatedAtLeast(request, days));
        });
    }

    @Test
    void frequencyFindingsAppearExactlyAboveAndBelowTheLabelledApplications() {
        BigDecimal labelled = parameter("LABELLED_APPLICATIONS_PER_DAY");
        qt(1000).forAll(Generators.requests()).checkAssert(request -> {
            Integer n = request.order().applicationsPerDay();
            int cmp = n == null ? 0 : BigDecimal.valueOf(n).compareTo(labelled);
            Assessment a = check(request);
            assertThat(fired(a, "RUXO-DOSE-FREQ-HIGH")).as("%s a day: %s", n, a).isEqualTo(cmp > 0);
            assertThat(fired(a, "RUXO-DOSE-FREQ-LOW")).as("%s a day: %s", n, a).isEqualTo(cmp < 0);
            assertThat(findings(a, "RUXO-DOSE-FREQ-LOW")).allMatch(f -> f.severity() == Severity.INFO);
        });
    }

    /** grams / days &gt; limit / window, cross-multiplied; false when either is missing. */
    private static boolean above(Order order, BigDecimal limit, BigDecimal window) {
        if (order.quantityGrams() == null || order.daysSupply() == null) {
            return false;
        }
        return order.quantityGrams().multiply(window).compareTo(limit.multiply(BigDecimal.valueOf(order.daysSupply())))
                > 0;
    }

    private static boolean treatedAtLeast(CheckRequest request, BigDecimal days) {
        return request.order().therapyStartDate() != null && BigDecimal.valueOf(
                ChronoUnit.DAYS.between(request.order().therapyStartDate(), request.asOf())).compareTo(days) >= 0;
    }

    private static String supply(CheckRequest request) {
        return request.order().quantityGrams() + " g / " + request.order().daysSupply() + " d";
    }
}
