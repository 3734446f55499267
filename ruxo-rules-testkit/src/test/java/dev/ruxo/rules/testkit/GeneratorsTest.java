package dev.ruxo.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.RequestValidation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/** The generators are valid by construction and reach every threshold and its neighbours within a test's examples. */
class GeneratorsTest {

    private static final long SEED = Long.getLong("ruxo.qt.seed", 20261122L);
    private static final int EXAMPLES = 1000;

    @Test
    void everyRequestIsValid() {
        for (Gen<CheckRequest> gen : List.of(Generators.requests(), Generators.atopicDermatitisRequests(),
                Generators.vitiligoRequests(), Generators.offLabelRequests())) {
            QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen).checkAssert(request ->
                    assertThat(RequestValidation.violations(request, request.asOf())).isEmpty());
        }
    }

    @Test
    void bsaReachesBothLimitsAndTheirNeighboursAndStaysWithin0To100() {
        Set<String> seen = new HashSet<>();
        sample(Generators.bsaPercents(), bsa -> {
            assertThat(bsa).isPositive().isLessThanOrEqualTo(BigDecimal.valueOf(100));
            seen.add(bsa.toPlainString());
        });
        assertThat(seen).contains("9.9", "10", "10.0", "10.0001", "10.1", "19.9", "20", "20.0", "20.0000001", "20.1");
        assertThat(seen).hasSizeGreaterThan(300);
    }

    @Test
    void birthDatesReachThe2nd12thAnd50thBirthdaysADayEitherSideAndLeapDays() {
        Set<String> seen = new HashSet<>();
        Gen<List<LocalDate>> asOfAndBirth = in -> {
            LocalDate asOf = Generators.evaluationDates().generate(in);
            return List.of(asOf, Generators.birthDates(asOf).generate(in));
        };
        sample(asOfAndBirth, pair -> {
                    LocalDate asOf = pair.get(0);
                    LocalDate birth = pair.get(1);
                    assertThat(birth).isBeforeOrEqualTo(asOf);
                    for (int years : new int[] {2, 12, 50}) {
                        LocalDate birthday = asOf.minusYears(years);
                        if (birth.equals(birthday)) {
                            seen.add(years + " today");
                        } else if (birth.equals(birthday.plusDays(1))) {
                            seen.add(years + " tomorrow");
                        } else if (birth.equals(birthday.minusDays(1))) {
                            seen.add(years + " yesterday");
                        }
                        boolean leapBirth = MonthDay.from(birth).equals(MonthDay.of(2, 29));
                        if (leapBirth && asOf.getYear() - birth.getYear() == years) {
                            seen.add(years + " leap day on " + MonthDay.from(asOf) + ", age "
                                    + Period.between(birth, asOf).getYears());
                        }
                    }
                });
        assertThat(seen).contains("2 today", "2 tomorrow", "2 yesterday", "12 today", "12 tomorrow", "12 yesterday",
                "50 today", "50 tomorrow", "50 yesterday", "2 leap day on --02-28, age 1", "2 leap day on --03-01, age 2",
                "50 leap day on --02-28, age 49", "50 leap day on --03-01, age 50", "12 leap day on --02-28, age 11",
                "12 leap day on --02-29, age 12");
    }

    @Test
    void suppliesReachTheQuantityEdges() {
        Set<String> seen = new HashSet<>();
        sample(Generators.supplies(), s -> {
            assertThat(s.grams()).isPositive();
            assertThat(s.days()).isPositive();
            seen.add(s.grams().toPlainString() + "/" + s.days());
        });
        assertThat(seen).contains("60/7", "61/7", "59/7", "100/14", "120/14", "121/14", "60/5", "30/7", "31/7",
                "60/14", "180/21", "181/21", "179/21", "90/21", "91/21");
    }

    @Test
    void earlierDispensesReachThreeQuartersOfTheirSupplyFromBothSides() {
        Set<String> seen = new HashSet<>();
        sample(Generators.earlierDispenses(), d -> {
            assertThat(d.daysAgo()).isNotNegative();
            int cmp = Integer.compare(4 * d.daysAgo(), 3 * d.daysSupply());
            boolean whole = 3 * d.daysSupply() % 4 == 0;
            seen.add((whole ? "whole " : "fraction ") + (cmp < 0 ? "before" : cmp == 0 ? "at" : "after")
                    + (Math.abs(4 * d.daysAgo() - 3 * d.daysSupply()) <= 4 ? " (within a day)" : ""));
        });
        assertThat(seen).contains("whole before (within a day)", "whole at (within a day)",
                "whole after (within a day)", "fraction before (within a day)", "fraction after (within a day)");
    }

    @Test
    void therapyDaysReachEightAnd24WeeksAndADayEitherSide() {
        List<Integer> seen = new ArrayList<>();
        sample(Generators.therapyDays(), seen::add);
        assertThat(seen).contains(55, 56, 57, 167, 168, 169).allMatch(d -> d >= 0);
    }

    private static <T> void sample(Gen<T> gen, Consumer<T> sink) {
        QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen).checkAssert(sink);
    }
}
