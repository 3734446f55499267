package dev.ruxo.rules.drools.rules;

import static dev.ruxo.rules.drools.TestEngine.check;
import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.CheckRequests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** dosing.drl: one test where each rule fires and one where it does not, on both sides of each threshold. */
class DosingRulesTest {

    @Nested
    class BodySurfaceArea {

        @ParameterizedTest
        @ValueSource(strings = {"20.1", "20.0000000000000001", "21", "100"})
        void atopicDermatitisAbove20PercentStops(String bsa) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().bsa(bsa))).hasDecision(Decision.STOP)
                    .hasFinding("RUXO-DOSE-BSA-AD", Severity.CRITICAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"20.0", "20", "19.9", "0.1"})
        void atopicDermatitisUpTo20PercentIsAllowed(String bsa) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().bsa(bsa))).hasNoFinding("RUXO-DOSE-BSA-AD");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.1", "10.0000001", "15"})
        void vitiligoAbove10PercentStops(String bsa) {
            assertThat(check(CheckRequests.adultVitiligo().bsa(bsa))).hasDecision(Decision.STOP)
                    .hasFinding("RUXO-DOSE-BSA-VITILIGO", Severity.CRITICAL).hasNoFinding("RUXO-DOSE-BSA-AD");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.0", "10", "9.9"})
        void vitiligoUpTo10PercentIsAllowed(String bsa) {
            assertThat(check(CheckRequests.adultVitiligo().bsa(bsa))).hasNoFinding("RUXO-DOSE-BSA-VITILIGO");
        }

        @Test
        void atopicDermatitisAt15PercentIsNotJudgedByTheVitiligoLimit() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().bsa("15"))).hasNoFinding("RUXO-DOSE-BSA-VITILIGO");
        }

        @Test
        void summaryNamesTheAreaAndTheLimit() {
            Finding f = only(check(CheckRequests.adultAtopicDermatitis().bsa("25")), "RUXO-DOSE-BSA-AD");
            assertThat(f.summary()).isEqualTo("Treated area 25% exceeds the 20% BSA limit for atopic dermatitis");
            assertThat(f.source().section()).isEqualTo("2.1");
            assertThat(f.source().verified()).isTrue();
        }
    }

    @Nested
    class WeeklyQuantity {

        @ParameterizedTest(name = "{0} g over {1} days stops")
        @CsvSource({"100,7", "180,14", "60,5", "61,7", "121,14"})
        void aboveSixtyGramsPerSevenDaysStops(int grams, int days) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().grams(grams).days(days)))
                    .hasDecision(Decision.STOP).hasFinding("RUXO-DOSE-QTY-WEEKLY", Severity.CRITICAL);
        }

        @ParameterizedTest(name = "{0} g over {1} days is allowed")
        @CsvSource({"60,7", "100,14", "120,14", "59,7", "60,8", "5,1"})
        void upToSixtyGramsPerSevenDaysIsAllowed(int grams, int days) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().grams(grams).days(days)))
                    .hasNoFinding("RUXO-DOSE-QTY-WEEKLY");
        }

        @Test
        void appliesToVitiligoToo() {
            assertThat(check(CheckRequests.adultVitiligo().grams(100).days(7))).hasFinding("RUXO-DOSE-QTY-WEEKLY");
        }

        @Test
        void startsOnTheTwelfthBirthday() {
            var base = CheckRequests.adultAtopicDermatitis().grams(100).days(7);
            assertThat(check(base.age(12))).hasFinding("RUXO-DOSE-QTY-WEEKLY")
                    .hasNoFinding("RUXO-DOSE-QTY-PED-CEILING");
            var child = CheckRequests.adultAtopicDermatitis().grams(100).days(7)
                    .birthDate(CheckRequests.DEFAULT_AS_OF.minusYears(12).plusDays(1));
            assertThat(check(child)).hasNoFinding("RUXO-DOSE-QTY-WEEKLY").hasFinding("RUXO-DOSE-QTY-PED-CEILING");
        }
    }

    @Nested
    class Pediatric {

        @Test
        void childAboveTheAdultCeilingStops() {
            assertThat(check(CheckRequests.childAtopicDermatitis(7).grams(61).days(7))).hasDecision(Decision.STOP)
                    .hasFinding("RUXO-DOSE-QTY-PED-CEILING", Severity.CRITICAL);
        }

        @Test
        void childAtTheAdultCeilingDoesNotHitIt() {
            assertThat(check(CheckRequests.childAtopicDermatitis(7).grams(60).days(7)))
                    .hasNoFinding("RUXO-DOSE-QTY-PED-CEILING");
        }

        @Test
        void childAboveThePediatricMaximumWarnsAsUnverified() {
            Assessment a = check(CheckRequests.childAtopicDermatitis(7).grams(31).days(7));
            assertThat(a).hasDecision(Decision.REVIEW).hasFinding("RUXO-DOSE-QTY-PED-MAX", Severity.WARNING)
                    .hasNoFinding("RUXO-DOSE-QTY-PED-CEILING");
            Finding f = only(a, "RUXO-DOSE-QTY-PED-MAX");
            assertThat(f.source().verified()).isFalse();
            assertThat(f.detail()).contains("Unverified");
        }

        @ParameterizedTest(name = "{0} g over {1} days is within the pediatric maximum")
        @CsvSource({"30,7", "60,14", "30,14", "29,7"})
        void childAtOrBelowThePediatricMaximumIsAllowed(int grams, int days) {
            assertThat(check(CheckRequests.childAtopicDermatitis(7).grams(grams).days(days)))
                    .hasNoFinding("RUXO-DOSE-QTY-PED-MAX");
        }

        @Test
        void pediatricMaximumDoesNotApplyFromTwelve() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().age(12).grams(60).days(7)))
                    .hasNoFinding("RUXO-DOSE-QTY-PED-MAX");
        }

        @Test
        void pediatricRulesApplyToEveryIndication() {
            assertThat(check(CheckRequests.adultVitiligo().age(10).grams(100).days(7)))
                    .hasFinding("RUXO-DOSE-QTY-PED-MAX").hasFinding("RUXO-DOSE-QTY-PED-CEILING", Severity.CRITICAL);
            assertThat(check(offLabel().age(7).grams(61).days(7)))
                    .hasFinding("RUXO-DOSE-QTY-PED-CEILING", Severity.CRITICAL).hasFinding("RUXO-DOSE-QTY-PED-MAX");
            assertThat(check(offLabel().age(7).grams(60).days(7)))
                    .hasNoFinding("RUXO-DOSE-QTY-PED-CEILING").hasFinding("RUXO-DOSE-QTY-PED-MAX");
            assertThat(check(offLabel().age(7).grams(30).days(7)))
                    .hasNoFinding("RUXO-DOSE-QTY-PED-CEILING").hasNoFinding("RUXO-DOSE-QTY-PED-MAX");
            assertThat(check(offLabel().age(7).grams(31).days(7))).hasFinding("RUXO-DOSE-QTY-PED-MAX");
        }

        @Test
        void aChildOfOneIsCheckedForQuantityToo() {
            assertThat(check(offLabel().age(1).grams(61).days(7)))
                    .hasFinding("RUXO-DOSE-QTY-PED-CEILING", Severity.CRITICAL)
                    .hasFinding("RUXO-IND-AGE-ANY", Severity.CRITICAL);
        }
    }

    @Nested
    class RefillTooSoon {

        @Test
        void threeDaysIntoASevenDaySupplyWarns() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().dispensed(3, 60, 7)))
                    .hasDecision(Decision.REVIEW).hasFinding("RUXO-DOSE-REFILL-TOO-SOON", Severity.WARNING);
        }

        @ParameterizedTest(name = "dispensed {0} days ago with {1} days supply is too soon")
        @CsvSource({"0,7", "5,7", "20,28", "2,4", "-1,7", "74,100"})
        void beforeThreeQuartersOfTheSupplyWarns(int daysAgo, int supply) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().dispensed(daysAgo, 60, supply)))
                    .hasFinding("RUXO-DOSE-REFILL-TOO-SOON");
        }

        @ParameterizedTest(name = "dispensed {0} days ago with {1} days supply is on time")
        @CsvSource({"6,7", "7,7", "30,7", "21,28", "3,4", "75,100"})
        void fromThreeQuartersOfTheSupplyIsOnTime(int daysAgo, int supply) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().dispensed(daysAgo, 60, supply)))
                    .hasNoFinding("RUXO-DOSE-REFILL-TOO-SOON");
        }

        @Test
        void anyRecentDispenseAmongOldOnesWarns() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().dispensed(40, 60, 7).dispensed(2, 100, 14)
                    .dispensed(20, 60, 7))).hasFinding("RUXO-DOSE-REFILL-TOO-SOON");
        }
    }

    @Nested
    class Route {

        @ParameterizedTest
        @ValueSource(strings = {"ophthalmic", "oral", "intravaginal", "rectal", "scalp injection"})
        void nonTopicalRoutesStop(String route) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().route(route))).hasDecision(Decision.STOP)
                    .hasFinding("RUXO-DOSE-ROUTE", Severity.CRITICAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"topical", "Topical", "TOPICAL"})
        void topicalIsAllowed(String route) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().route(route))).hasNoFinding("RUXO-DOSE-ROUTE");
        }

        /** Issue 13, item 1: a second route in the text counts, wherever it stands and whatever joins it. */
        @ParameterizedTest
        @ValueSource(strings = {"topical, ophthalmic", "topical oral", "ophthalmic, topical", "topical/oral",
            "topical and intravaginal", "cutaneous; by mouth", "topical to the eye", "topical topicl",
            "skin, rectal", "TOPICAL ORAL", "topical-ophthalmic", "for topical or oral use", "apply orally",
            "apply"})
        void anyNonTopicalWordInASeveralWordRouteStops(String route) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().route(route))).hasDecision(Decision.STOP)
                    .hasFinding("RUXO-DOSE-ROUTE", Severity.CRITICAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"topical, cutaneous", "for topical use", "topical on the skin", "Topically",
            "apply externally", "apply topically to the skin"})
        void severalWordsThatAllMeanTheSkinAreTopical(String route) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().route(route))).hasNoFinding("RUXO-DOSE-ROUTE");
        }

        @Test
        void unrecordedRouteMeansTopical() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().route(null))).hasNoFinding("RUXO-DOSE-ROUTE");
        }
    }

    @Test
    void occlusiveDressingWarns() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().occlusiveDressing(true)))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-DOSE-OCCLUSION", Severity.WARNING);
    }

    @Test
    void noOrUnrecordedOcclusionDoesNotWarn() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().occlusiveDressing(false)))
                .hasNoFinding("RUXO-DOSE-OCCLUSION");
        assertThat(check(CheckRequests.adultAtopicDermatitis().occlusiveDressing(null)))
                .hasNoFinding("RUXO-DOSE-OCCLUSION");
    }

    @Nested
    class Frequency {

        @Test
        void threeTimesADayWarns() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().applicationsPerDay(3)))
                    .hasDecision(Decision.REVIEW).hasFinding("RUXO-DOSE-FREQ-HIGH", Severity.WARNING)
                    .hasNoFinding("RUXO-DOSE-FREQ-LOW");
        }

        @Test
        void onceADayIsInfo() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().applicationsPerDay(1)))
                    .hasDecision(Decision.PROCEED).hasFinding("RUXO-DOSE-FREQ-LOW", Severity.INFO)
                    .hasNoFinding("RUXO-DOSE-FREQ-HIGH");
        }

        @Test
        void twiceADayOrUnrecordedIsNeither() {
            for (Integer n : new Integer[] {2, null}) {
                assertThat(check(CheckRequests.adultAtopicDermatitis().applicationsPerDay(n)))
                        .hasNoFinding("RUXO-DOSE-FREQ-HIGH").hasNoFinding("RUXO-DOSE-FREQ-LOW");
            }
        }
    }

    @Nested
    class Duration {

        @Test
        void atopicDermatitisFromEightWeeksWarns() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().treatedForDays(56)))
                    .hasDecision(Decision.REVIEW).hasFinding("RUXO-DOSE-DURATION-AD", Severity.WARNING);
        }

        @Test
        void atopicDermatitisTheDayBeforeEightWeeksDoesNotWarn() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().treatedForDays(55)))
                    .hasNoFinding("RUXO-DOSE-DURATION-AD");
        }

        @Test
        void vitiligoFromTwentyFourWeeksIsInfo() {
            assertThat(check(CheckRequests.adultVitiligo().treatedForDays(168))).hasDecision(Decision.PROCEED)
                    .hasFinding("RUXO-DOSE-DURATION-VITILIGO", Severity.INFO).hasNoFinding("RUXO-DOSE-DURATION-AD");
        }

        @Test
        void vitiligoTheDayBeforeTwentyFourWeeksIsNot() {
            assertThat(check(CheckRequests.adultVitiligo().treatedForDays(167)))
                    .hasNoFinding("RUXO-DOSE-DURATION-VITILIGO");
        }

        @Test
        void noStartDateMeansNoDurationFinding() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().therapyStartDate(null)))
                    .hasNoFinding("RUXO-DOSE-DURATION-AD");
        }
    }

    @Test
    void sampleTubeIsInfoInEitherNdcForm() {
        for (String ndc : new String[] {"50881-007-04", "50881000704", "50881-0007-04"}) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().ndc(ndc)))
                    .hasFinding("RUXO-DOSE-SAMPLE-PACK", Severity.INFO).hasDecision(Decision.PROCEED);
        }
    }

    @Test
    void dispensableTubesAreNotSamples() {
        for (String ndc : new String[] {"50881-007-05", "50881000707"}) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().ndc(ndc))).hasNoFinding("RUXO-DOSE-SAMPLE-PACK");
        }
    }

    static Finding only(Assessment a, String ruleId) {
        var hits = a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertThat(hits).as("findings of %s in %s", ruleId, a.findings()).hasSize(1);
        return hits.get(0);
    }

    /** A 30-year-old with alopecia areata, an off-label indication, otherwise as the on-label default. */
    static CheckRequests.Builder offLabel() {
        return CheckRequests.adultAtopicDermatitis().indication(CheckRequests.ALOPECIA_AREATA);
    }
}
