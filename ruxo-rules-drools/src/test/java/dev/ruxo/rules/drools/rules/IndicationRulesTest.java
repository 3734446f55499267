package dev.ruxo.rules.drools.rules;

import static dev.ruxo.rules.drools.TestEngine.check;
import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.Category;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.DiseaseSeverity;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.PriorTopicalTherapy;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.VitiligoType;
import dev.ruxo.rules.testkit.CheckRequests;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** indication.drl: one test where each rule fires and one where it does not, at its boundary. */
class IndicationRulesTest {

    private static final LocalDate AS_OF = CheckRequests.DEFAULT_AS_OF;

    @Test
    void defaultAdultAtopicDermatitisOrderProceedsWithNoFindings() {
        assertThat(check(CheckRequests.adultAtopicDermatitis())).hasDecision(Decision.PROCEED).hasExactlyRules();
    }

    @Test
    void defaultAdultVitiligoOrderProceedsWithNoFindings() {
        assertThat(check(CheckRequests.adultVitiligo())).hasDecision(Decision.PROCEED).hasExactlyRules();
    }

    @Nested
    class AtopicDermatitisMinimumAge {

        @Test
        void dayBeforeSecondBirthdayStops() {
            var request = CheckRequests.adultAtopicDermatitis().birthDate(AS_OF.minusYears(2).plusDays(1));
            assertThat(check(request)).hasDecision(Decision.STOP)
                    .hasFinding("RUXO-IND-AGE-AD", Severity.CRITICAL);
        }

        @Test
        void onSecondBirthdayIsAllowed() {
            var request = CheckRequests.adultAtopicDermatitis().birthDate(AS_OF.minusYears(2)).grams(30).days(14);
            assertThat(check(request)).hasNoFinding("RUXO-IND-AGE-AD");
        }

        @Test
        void ageYearsAloneIsUsedWithoutBirthDate() {
            assertThat(check(CheckRequests.childAtopicDermatitis(0).ageYearsOnly(1)))
                    .hasFinding("RUXO-IND-AGE-AD", Severity.CRITICAL);
            assertThat(check(CheckRequests.childAtopicDermatitis(0).ageYearsOnly(2)))
                    .hasNoFinding("RUXO-IND-AGE-AD");
        }

        @Test
        void leapDayBabyTurnsTwoOnFirstOfMarch() {
            var born = LocalDate.of(2024, 2, 29);
            assertThat(check(CheckRequests.childAtopicDermatitis(0).birthDate(born).asOf(LocalDate.of(2026, 2, 28))))
                    .hasFinding("RUXO-IND-AGE-AD");
            assertThat(check(CheckRequests.childAtopicDermatitis(0).birthDate(born).asOf(LocalDate.of(2026, 3, 1))))
                    .hasNoFinding("RUXO-IND-AGE-AD");
        }

        @Test
        void doesNotApplyToVitiligo() {
            assertThat(check(CheckRequests.adultVitiligo().age(1))).hasNoFinding("RUXO-IND-AGE-AD");
        }
    }

    @Nested
    class VitiligoMinimumAge {

        @Test
        void dayBeforeTwelfthBirthdayStops() {
            var request = CheckRequests.adultVitiligo().birthDate(AS_OF.minusYears(12).plusDays(1));
            assertThat(check(request)).hasDecision(Decision.STOP)
                    .hasFinding("RUXO-IND-AGE-VITILIGO", Severity.CRITICAL);
        }

        @Test
        void onTwelfthBirthdayIsAllowed() {
            var request = CheckRequests.adultVitiligo().birthDate(AS_OF.minusYears(12));
            assertThat(check(request)).hasNoFinding("RUXO-IND-AGE-VITILIGO").hasDecision(Decision.PROCEED);
        }

        @Test
        void doesNotApplyToAtopicDermatitisAtTen() {
            assertThat(check(CheckRequests.childAtopicDermatitis(10))).hasNoFinding("RUXO-IND-AGE-VITILIGO");
        }
    }

    @Nested
    class Immunocompromised {

        @Test
        void attestedImmunocompromiseStopsAtopicDermatitis() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().immunocompromised(true)))
                    .hasDecision(Decision.STOP).hasFinding("RUXO-IND-IMMUNOCOMPROMISED-AD", Severity.CRITICAL);
        }

        @Test
        void immunocompromisingConditionStopsAtopicDermatitis() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().condition("Z94.0", "Kidney transplant status")))
                    .hasFinding("RUXO-IND-IMMUNOCOMPROMISED-AD", Severity.CRITICAL);
        }

        @Test
        void systemicImmunosuppressantMakesThePatientImmunocompromised() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().medication("tacrolimus 1 mg capsule", "oral")))
                    .hasFinding("RUXO-IND-IMMUNOCOMPROMISED-AD", Severity.CRITICAL);
        }

        @Test
        void reasonsReadTheSameWhateverTheOrderOfTheProblemList() {
            var hivFirst = check(CheckRequests.adultAtopicDermatitis().immunocompromised(true)
                    .condition("B20", "HIV disease").condition("D84.9", "Immunodeficiency"));
            var hivLast = check(CheckRequests.adultAtopicDermatitis().immunocompromised(true)
                    .condition("D84.9", "Immunodeficiency").condition("B20", "HIV disease"));
            assertThat(hivLast).isEqualTo(hivFirst);
            assertThat(hivFirst.findings().get(0).summary())
                    .endsWith(": attested, HIV disease, Immunodeficiency");
        }

        @Test
        void topicalTacrolimusDoesNot() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().medication("tacrolimus 0.1% ointment", "topical")))
                    .hasNoFinding("RUXO-IND-IMMUNOCOMPROMISED-AD");
        }

        @Test
        void attestedFalseWithNothingElseDoesNotFire() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().immunocompromised(false)))
                    .hasNoFinding("RUXO-IND-IMMUNOCOMPROMISED-AD");
        }

        @Test
        void vitiligoInAnImmunocompromisedPatientIsOnlyAWarning() {
            assertThat(check(CheckRequests.adultVitiligo().immunocompromised(true)))
                    .hasDecision(Decision.REVIEW)
                    .hasFinding("RUXO-IND-IMMUNOCOMPROMISED-VITILIGO", Severity.WARNING)
                    .hasNoFinding("RUXO-IND-IMMUNOCOMPROMISED-AD");
        }

        @Test
        void vitiligoWithoutImmunocompromiseDoesNotWarn() {
            assertThat(check(CheckRequests.adultVitiligo().immunocompromised(null)))
                    .hasNoFinding("RUXO-IND-IMMUNOCOMPROMISED-VITILIGO");
        }
    }

    @Test
    void severeAtopicDermatitisWarns() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().severity(DiseaseSeverity.SEVERE)))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-IND-SEVERE-AD", Severity.WARNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MILD", "MODERATE"})
    void mildOrModerateAtopicDermatitisDoesNotWarn(DiseaseSeverity severity) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().severity(severity))).hasNoFinding("RUXO-IND-SEVERE-AD");
    }

    @Test
    void severeVitiligoIsNotAnAtopicDermatitisSeverityFinding() {
        assertThat(check(CheckRequests.adultVitiligo().severity(DiseaseSeverity.SEVERE)))
                .hasNoFinding("RUXO-IND-SEVERE-AD");
    }

    @Test
    void priorTopicalTherapyMissingOrNoneWarns() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().priorTopicalTherapy(null)))
                .hasFinding("RUXO-IND-PRIOR-THERAPY-AD", Severity.WARNING);
        assertThat(check(CheckRequests.adultAtopicDermatitis().priorTopicalTherapy(PriorTopicalTherapy.NONE)))
                .hasFinding("RUXO-IND-PRIOR-THERAPY-AD", Severity.WARNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INADEQUATE", "NOT_ADVISABLE"})
    void inadequateOrNotAdvisableTopicalTherapyDoesNotWarn(PriorTopicalTherapy prior) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().priorTopicalTherapy(prior)))
                .hasNoFinding("RUXO-IND-PRIOR-THERAPY-AD");
    }

    @Test
    void priorTherapyIsNotRequiredForVitiligo() {
        assertThat(check(CheckRequests.adultVitiligo().priorTopicalTherapy(null)))
                .hasNoFinding("RUXO-IND-PRIOR-THERAPY-AD");
    }

    @Test
    void segmentalVitiligoWarns() {
        assertThat(check(CheckRequests.adultVitiligo().vitiligoType(VitiligoType.SEGMENTAL)))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-IND-SEGMENTAL-VITILIGO", Severity.WARNING);
    }

    @Test
    void nonsegmentalOrUnrecordedVitiligoTypeDoesNotWarn() {
        assertThat(check(CheckRequests.adultVitiligo().vitiligoType(VitiligoType.NONSEGMENTAL)))
                .hasNoFinding("RUXO-IND-SEGMENTAL-VITILIGO");
        assertThat(check(CheckRequests.adultVitiligo().vitiligoType(null)))
                .hasNoFinding("RUXO-IND-SEGMENTAL-VITILIGO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"L63.9", "L40.0", "L28.1", "L73.2"})
    void otherIndicationsAreOffLabel(String icd10) {
        var request = CheckRequests.adultAtopicDermatitis().indication(Coding.icd10cm(icd10, null));
        assertThat(check(request)).hasDecision(Decision.REVIEW)
                .hasFinding("RUXO-IND-OFF-LABEL", Severity.WARNING)
                .hasNoFinding("RUXO-IND-PRIOR-THERAPY-AD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"L20.0", "L20.81", "L20.82", "L20.83", "L20.84", "L20.89", "L20.9", "L80"})
    void labelledIndicationsAreNotOffLabel(String icd10) {
        var request = CheckRequests.adultAtopicDermatitis().indication(Coding.icd10cm(icd10, null))
                .vitiligoType(VitiligoType.NONSEGMENTAL);
        assertThat(check(request)).hasNoFinding("RUXO-IND-OFF-LABEL");
    }

    @Test
    void snomedIndicationsAreRecognised() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().indication(Coding.snomed("24079001", "Atopic dermatitis"))))
                .hasNoFinding("RUXO-IND-OFF-LABEL");
        assertThat(check(CheckRequests.adultVitiligo().indication(Coding.snomed("56727007", "Vitiligo")).age(11)))
                .hasFinding("RUXO-IND-AGE-VITILIGO");
    }

    @Test
    void interactingBiologicIsNotAnIndicationFinding() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(
                Medication.rxnorm("1876366", "dupilumab 300 MG/2ML prefilled syringe", "subcutaneous"))))
                .hasNoFinding(Category.INDICATION);
    }
}
