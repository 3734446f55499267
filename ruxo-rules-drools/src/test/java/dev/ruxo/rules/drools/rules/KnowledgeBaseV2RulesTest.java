package dev.ruxo.rules.drools.rules;

import static dev.ruxo.rules.drools.TestEngine.check;
import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;

import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.CheckRequests;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rows of policy v2: the youngest patients whatever the indication, off-label BSA, skin route words, other active
 * infections, stroke of any kind, the wider cardiovascular risk factors, and SNOMED CT and ATC codes for every set.
 */
class KnowledgeBaseV2RulesTest {

    private static final LocalDate AS_OF = CheckRequests.DEFAULT_AS_OF;

    private static CheckRequests.Builder offLabel() {
        return DosingRulesTest.offLabel();
    }

    @Nested
    class AnyIndicationBelowTwo {

        @Test
        void offLabelDayBeforeSecondBirthdayStops() {
            assertThat(check(offLabel().birthDate(AS_OF.minusYears(2).plusDays(1)).grams(30).days(14)))
                    .hasDecision(Decision.STOP).hasFinding("RUXO-IND-AGE-ANY", Severity.CRITICAL);
        }

        @Test
        void offLabelOnSecondBirthdayHasNoAgeStop() {
            assertThat(check(offLabel().birthDate(AS_OF.minusYears(2)).grams(30).days(14)))
                    .hasNoFinding("RUXO-IND-AGE-ANY");
        }

        @Test
        void oneYearOldWithVitiligoGetsTheGeneralAgeStopToo() {
            assertThat(check(CheckRequests.adultVitiligo().age(1).grams(30).days(14)))
                    .hasFinding("RUXO-IND-AGE-ANY", Severity.CRITICAL).hasFinding("RUXO-IND-AGE-VITILIGO");
        }

        @Test
        void atopicDermatitisKeepsItsOwnAgeRuleAlone() {
            assertThat(check(CheckRequests.childAtopicDermatitis(1)))
                    .hasFinding("RUXO-IND-AGE-AD", Severity.CRITICAL).hasNoFinding("RUXO-IND-AGE-ANY");
        }
    }

    @Nested
    class OffLabelTreatedArea {

        @ParameterizedTest
        @ValueSource(strings = {"20.1", "20.0001", "100"})
        void aboveTwentyPercentStops(String bsa) {
            assertThat(check(offLabel().bsa(bsa))).hasDecision(Decision.STOP)
                    .hasFinding("RUXO-DOSE-BSA-OTHER", Severity.CRITICAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"20", "20.0", "19.99", "1"})
        void upToTwentyPercentIsAllowed(String bsa) {
            assertThat(check(offLabel().bsa(bsa))).hasNoFinding("RUXO-DOSE-BSA-OTHER");
        }

        @Test
        void labelledIndicationsUseTheirOwnLimit() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().bsa("25"))).hasNoFinding("RUXO-DOSE-BSA-OTHER")
                    .hasFinding("RUXO-DOSE-BSA-AD");
            assertThat(check(CheckRequests.adultVitiligo().bsa("25"))).hasNoFinding("RUXO-DOSE-BSA-OTHER")
                    .hasFinding("RUXO-DOSE-BSA-VITILIGO");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"external", "External", "apply externally", "cutaneous", "epicutaneous", "skin"})
    void wordsMeaningOnTheSkinAreTopical(String route) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().route(route))).hasNoFinding("RUXO-DOSE-ROUTE")
                .hasDecision(Decision.PROCEED);
    }

    @Nested
    class OtherActiveInfection {

        @ParameterizedTest
        @ValueSource(strings = {"U07.1", "B00.9", "B37.0", "J06.9", "B08.1", "N39.0", "A08.4"})
        void otherInfectionCodesWarn(String icd10) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                    .hasDecision(Decision.REVIEW).hasFinding("RUXO-SAF-INFECTION-OTHER", Severity.WARNING);
        }

        @ParameterizedTest
        @ValueSource(strings = {"840539006", "444814009", "10509002", "43878008", "65363002", "88594005", "78048006"})
        void otherInfectionConceptsWarn(String snomed) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().condition(Coding.snomed(snomed, null))))
                    .hasFinding("RUXO-SAF-INFECTION-OTHER", Severity.WARNING);
        }

        @ParameterizedTest(name = "{0} gives {1} and not the general infection warning")
        @CsvSource({"A15.0,RUXO-SAF-INFECTION-ACTIVE", "A41.9,RUXO-SAF-INFECTION-ACTIVE", "B02.9,RUXO-SAF-INFECTION-ACTIVE",
            "B18.1,RUXO-SAF-INFECTION-CHRONIC", "B02.29,RUXO-SAF-INFECTION-CHRONIC", "A31.0,RUXO-SAF-INFECTION-CHRONIC"})
        void infectionsWithTheirOwnRuleAreNotCountedTwice(String icd10, String rule) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                    .hasFinding(rule).hasNoFinding("RUXO-SAF-INFECTION-OTHER");
        }

        @Test
        void anInfectionWithItsOwnRuleDoesNotSilenceAnotherConditionsWarning() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().condition("U07.1", "COVID-19")
                    .condition("A15.0", "Tuberculosis of lung")))
                    .hasFinding("RUXO-SAF-INFECTION-OTHER").hasFinding("RUXO-SAF-INFECTION-ACTIVE");
        }

        @Test
        void hivIsNotAnOtherInfection() {
            assertThat(check(CheckRequests.adultVitiligo().condition("B20", null)))
                    .hasFinding("RUXO-SAF-HIV").hasNoFinding("RUXO-SAF-INFECTION-OTHER");
        }

        @ParameterizedTest
        @ValueSource(strings = {"B90.9", "B94.8", "B95.2", "J30.9", "Z22.7"})
        void sequelaeAgentCodesAndNonInfectionsDoNotWarn(String icd10) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                    .hasNoFinding("RUXO-SAF-INFECTION-OTHER");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"I61.9", "I60.7", "I62.00", "I69.10", "I69.3", "I63.9"})
    void strokeOfAnyKindWarns(String icd10) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                .hasFinding("RUXO-SAF-MI-STROKE", Severity.WARNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"G45.9", "I67.9"})
    void transientIschemicAttackOrOtherCerebrovascularDiseaseIsNotAStroke(String icd10) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                .hasNoFinding("RUXO-SAF-MI-STROKE");
    }

    @ParameterizedTest(name = "age 50 with {0}")
    @CsvSource({"http://hl7.org/fhir/sid/icd-10-cm,E88.81", "http://snomed.info/sct,237602007",
        "http://snomed.info/sct,302870006", "http://snomed.info/sct,414545008", "http://snomed.info/sct,399261000",
        "http://snomed.info/sct,127013003", "http://snomed.info/sct,90781000119102", "http://snomed.info/sct,449868002"})
    void widerCardiovascularRiskFactorsCount(String system, String code) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().age(50).condition(new Coding(system, code, null))))
                .hasFinding("RUXO-SAF-MACE-AGE", Severity.WARNING);
        var dayBefore = CheckRequests.adultAtopicDermatitis().birthDate(AS_OF.minusYears(50).plusDays(1))
                .condition(new Coding(system, code, null));
        assertThat(check(dayBefore)).hasNoFinding("RUXO-SAF-MACE-AGE");
    }

    @ParameterizedTest(name = "SNOMED CT {0} gives {1}")
    @CsvSource({"56717001,RUXO-SAF-INFECTION-ACTIVE", "76571007,RUXO-SAF-INFECTION-ACTIVE",
        "233604007,RUXO-SAF-INFECTION-ACTIVE", "197927001,RUXO-SAF-INFECTION-CHRONIC",
        "61977001,RUXO-SAF-INFECTION-CHRONIC", "161665007,RUXO-IND-IMMUNOCOMPROMISED-AD",
        "62479008,RUXO-IND-IMMUNOCOMPROMISED-AD", "91861009,RUXO-IND-IMMUNOCOMPROMISED-AD",
        "72892002,RUXO-SAF-PREGNANCY", "254837009,RUXO-SAF-MALIGNANCY", "399211009,RUXO-SAF-MI-STROKE",
        "401303003,RUXO-SAF-MI-STROKE", "274100004,RUXO-SAF-MI-STROKE", "706870000,RUXO-SAF-THROMBOSIS",
        "47318007,RUXO-MON-BLOOD-COUNTS", "302870006,RUXO-MON-LIPIDS"})
    void snomedConceptsOfUsProblemListsAreScreened(String snomed, String rule) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition(Coding.snomed(snomed, null))))
                .hasFinding(rule).hasNoFinding("RUXO-DATA-CONDITION-UNSCREENED");
    }

    @ParameterizedTest(name = "ATC {0} alone is {1}")
    @CsvSource({"J02AC02,RUXO-DDI-CYP3A4-STRONG", "J01FA09,RUXO-DDI-CYP3A4-STRONG", "J05AE03,RUXO-DDI-CYP3A4-STRONG",
        "V03AX03,RUXO-DDI-CYP3A4-STRONG", "J02AC01,RUXO-DDI-CYP3A4-MODERATE", "C08DA01,RUXO-DDI-CYP3A4-MODERATE",
        "L04AC10,RUXO-DDI-BIOLOGIC", "H02AB09,RUXO-DDI-IMMUNOSUPPRESSANT-OTHER"})
    void drugsSentWithOnlyAnAtcCodeAreCaught(String atc, String rule) {
        var m = new Medication(CodeSystems.ATC, atc, null, "oral", MedicationStatus.ACTIVE);
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(m)))
                .hasFinding(rule).hasNoFinding("RUXO-DATA-MED-UNRECOGNISED");
    }
}
