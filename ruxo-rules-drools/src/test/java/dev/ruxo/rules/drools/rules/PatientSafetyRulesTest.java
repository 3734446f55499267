package dev.ruxo.rules.drools.rules;

import static dev.ruxo.rules.drools.TestEngine.check;
import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;

import dev.ruxo.rules.Coding;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.SmokingStatus;
import dev.ruxo.rules.testkit.CheckRequests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** patient-safety.drl: boxed warnings, warnings and precautions, pregnancy and lactation. */
class PatientSafetyRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"A41.9", "A15.0", "A18.01", "L03.115", "B02.9", "J18.9"})
    void activeSeriousInfectionStops(String icd10) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                .hasDecision(Decision.STOP).hasFinding("RUXO-SAF-INFECTION-ACTIVE", Severity.CRITICAL);
    }

    @Test
    void noInfectionNoFinding() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition("J30.9", "Allergic rhinitis")))
                .hasNoFinding("RUXO-SAF-INFECTION-ACTIVE").hasNoFinding("RUXO-SAF-INFECTION-CHRONIC");
    }

    @Test
    void breastfeedingStops() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().breastfeeding(true)))
                .hasDecision(Decision.STOP).hasFinding("RUXO-SAF-BREASTFEEDING", Severity.CRITICAL);
        assertThat(check(CheckRequests.adultAtopicDermatitis().breastfeeding(null).condition("Z39.1", "Lactating")))
                .hasFinding("RUXO-SAF-BREASTFEEDING", Severity.CRITICAL);
    }

    @Test
    void notOrUnknownBreastfeedingDoesNotFire() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().breastfeeding(false)))
                .hasNoFinding("RUXO-SAF-BREASTFEEDING");
        assertThat(check(CheckRequests.adultAtopicDermatitis().breastfeeding(null)))
                .hasNoFinding("RUXO-SAF-BREASTFEEDING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z22.7", "R76.11", "B18.1", "B18.2", "B17.10", "Z22.51"})
    void chronicOrLatentInfectionWarns(String icd10) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-SAF-INFECTION-CHRONIC", Severity.WARNING);
    }

    @Test
    void hivWarnsForVitiligoButStopsAtopicDermatitisAsAnIndicationFinding() {
        assertThat(check(CheckRequests.adultVitiligo().condition("B20", "HIV disease")))
                .hasFinding("RUXO-SAF-HIV", Severity.WARNING).hasDecision(Decision.REVIEW);
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition("B20", "HIV disease")))
                .hasNoFinding("RUXO-SAF-HIV").hasFinding("RUXO-IND-IMMUNOCOMPROMISED-AD", Severity.CRITICAL);
    }

    @Nested
    class AgeAndCardiovascularRisk {

        @Test
        void fiftyWithHypertensionWarns() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().age(50).condition("I10", "Hypertension")))
                    .hasFinding("RUXO-SAF-MACE-AGE", Severity.WARNING);
        }

        @Test
        void dayBeforeFiftiethBirthdayDoesNotWarn() {
            var request = CheckRequests.adultAtopicDermatitis()
                    .birthDate(CheckRequests.DEFAULT_AS_OF.minusYears(50).plusDays(1)).condition("I10", "Hypertension");
            assertThat(check(request)).hasNoFinding("RUXO-SAF-MACE-AGE");
        }

        @Test
        void fiftyWithoutRiskFactorsDoesNotWarn() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().age(70))).hasNoFinding("RUXO-SAF-MACE-AGE");
        }

        @ParameterizedTest
        @ValueSource(strings = {"E11.9", "E78.5", "I25.10", "I10"})
        void eachRiskFactorConditionCounts(String icd10) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().age(60).condition(icd10, null)))
                    .hasFinding("RUXO-SAF-MACE-AGE");
        }

        @Test
        void formerSmokingCounts() {
            assertThat(check(CheckRequests.adultAtopicDermatitis().age(55).smoking(SmokingStatus.FORMER)))
                    .hasFinding("RUXO-SAF-MACE-AGE");
        }
    }

    @Test
    void currentOrFormerSmokerWarns() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().smoking(SmokingStatus.CURRENT)))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-SAF-SMOKER", Severity.WARNING);
        assertThat(check(CheckRequests.adultAtopicDermatitis().smoking(null).condition("F17.210", "Nicotine dependence")))
                .hasFinding("RUXO-SAF-SMOKER");
    }

    @Test
    void neverOrUnknownSmokerDoesNotWarn() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().smoking(SmokingStatus.NEVER)))
                .hasNoFinding("RUXO-SAF-SMOKER");
        assertThat(check(CheckRequests.adultAtopicDermatitis().smoking(null))).hasNoFinding("RUXO-SAF-SMOKER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C50.911", "C83.30", "C43.9", "Z85.3", "Z85.820"})
    void knownMalignancyWarns(String icd10) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                .hasFinding("RUXO-SAF-MALIGNANCY", Severity.WARNING);
    }

    @Test
    void successfullyTreatedNonMelanomaSkinCancerDoesNotWarn() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition("Z85.828", "History of basal cell carcinoma")))
                .hasNoFinding("RUXO-SAF-MALIGNANCY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I25.2", "I63.9", "Z86.73", "I21.4"})
    void historyOfMyocardialInfarctionOrStrokeWarns(String icd10) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                .hasFinding("RUXO-SAF-MI-STROKE", Severity.WARNING);
    }

    @Test
    void stableAnginaIsNotAnInfarction() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition("I20.9", "Angina")))
                .hasNoFinding("RUXO-SAF-MI-STROKE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I26.99", "I82.401", "Z86.718", "D68.51", "D68.61"})
    void thrombosisOrThrombophiliaWarns(String icd10) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                .hasFinding("RUXO-SAF-THROMBOSIS", Severity.WARNING);
    }

    @Test
    void varicoseVeinsAreNotThrombosis() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition("I83.90", "Varicose veins")))
                .hasNoFinding("RUXO-SAF-THROMBOSIS");
    }

    @Test
    void pregnancyWarns() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().pregnant(true)))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-SAF-PREGNANCY", Severity.WARNING);
        assertThat(check(CheckRequests.adultAtopicDermatitis().pregnant(null).condition("Z34.90", "Pregnancy")))
                .hasFinding("RUXO-SAF-PREGNANCY");
        assertThat(check(CheckRequests.adultAtopicDermatitis().pregnant(null)
                .condition(Coding.snomed("77386006", "Pregnancy")))).hasFinding("RUXO-SAF-PREGNANCY");
    }

    @Test
    void notPregnantDoesNotWarn() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().pregnant(false))).hasNoFinding("RUXO-SAF-PREGNANCY");
    }
}
