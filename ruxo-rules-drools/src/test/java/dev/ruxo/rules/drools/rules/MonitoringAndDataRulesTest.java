package dev.ruxo.rules.drools.rules;

import static dev.ruxo.rules.drools.TestEngine.check;
import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.UnknownField;
import java.util.List;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.CheckRequests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** monitoring.drl and data.drl. */
class MonitoringAndDataRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"D69.6", "D70.9", "D64.9"})
    void historyOfCytopeniaAdvisesBloodCounts(String icd10) {
        assertThat(check(CheckRequests.adultVitiligo().condition(icd10, null)))
                .hasFinding("RUXO-MON-BLOOD-COUNTS", Severity.INFO);
    }

    @Test
    void bloodCountAdviceAloneLetsTheOrderProceed() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition("D69.6", "Thrombocytopenia")))
                .hasDecision(Decision.PROCEED).hasExactlyRules("RUXO-MON-BLOOD-COUNTS");
    }

    @Test
    void noCytopeniaNoBloodCountAdvice() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition("J45.909", "Asthma")))
                .hasNoFinding("RUXO-MON-BLOOD-COUNTS");
    }

    @Test
    void dyslipidemiaAdvisesLipids() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().condition("E78.5", "Hyperlipidemia")))
                .hasFinding("RUXO-MON-LIPIDS", Severity.INFO);
    }

    @Test
    void noDyslipidemiaNoLipidAdvice() {
        assertThat(check(CheckRequests.adultAtopicDermatitis())).hasNoFinding("RUXO-MON-LIPIDS");
    }

    @Test
    void missingBsaIsAWarningNotSilence() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().bsa((String) null)))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-DATA-BSA-MISSING", Severity.WARNING);
        assertThat(check(CheckRequests.adultVitiligo().bsa((String) null)))
                .hasFinding("RUXO-DATA-BSA-MISSING", Severity.WARNING);
    }

    @Test
    void recordedBsaHasNoBsaDataFinding() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().bsa("1"))).hasNoFinding("RUXO-DATA-BSA-MISSING");
        assertThat(check(offLabel().bsa("1"))).hasNoFinding("RUXO-DATA-BSA-MISSING");
    }

    @Test
    void offLabelOrderWithoutBsaSaysTheLimitWasNotChecked() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().bsa((String) null)
                .indication(Coding.icd10cm("L63.9", "Alopecia areata"))))
                .hasFinding("RUXO-DATA-BSA-MISSING", Severity.WARNING);
    }

    @Test
    void missingQuantityOrDaysSupplyIsAWarning() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().grams(null)))
                .hasFinding("RUXO-DATA-QTY-MISSING", Severity.WARNING);
        assertThat(check(CheckRequests.adultAtopicDermatitis().days(null)))
                .hasFinding("RUXO-DATA-QTY-MISSING", Severity.WARNING);
        assertThat(check(CheckRequests.adultAtopicDermatitis().grams(null).days(null)))
                .hasFinding("RUXO-DATA-QTY-MISSING", Severity.WARNING);
    }

    @Test
    void quantityAndDaysRecordedHasNoQuantityDataFinding() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().grams(60).days(7))).hasNoFinding("RUXO-DATA-QTY-MISSING");
    }

    @Test
    void unrecognisedCoMedicationIsInfo() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("pyridostigmine 60 mg tablet", "oral")))
                .hasDecision(Decision.PROCEED).hasFinding("RUXO-DATA-MED-UNRECOGNISED", Severity.INFO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lisinopril 10 MG Oral Tablet", "amLODIPine 2.5 MG Oral Tablet", "metformin 500 mg tablet",
            "NDA020503 200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler",
            "NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector", "Yaz 28 Day Pack", "atorvastatin 20 MG Oral Tablet"})
    void commonDrugsKnownNotToInteractAreQuiet(String display) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(display, null)))
                .hasDecision(Decision.PROCEED).hasExactlyRules();
    }

    @Test
    void commonDrugsAreRecognisedByRxNormIngredientAndAtcClass() {
        assertThat(check(CheckRequests.adultAtopicDermatitis()
                .medication(Medication.rxnorm("29046", null, "oral")))).hasExactlyRules();
        assertThat(check(CheckRequests.adultAtopicDermatitis()
                .medication(new Medication(CodeSystems.ATC, "C09AA03", null, "oral", null)))).hasExactlyRules();
    }

    @Test
    void aQuietDrugDoesNotHideADangerousOneInTheSameText() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("amlodipine 5 MG / verapamil 80 MG Oral Tablet", null)))
                .hasFinding("RUXO-DDI-CYP3A4-MODERATE", Severity.INFO);
    }

    @Nested
    class UnscreenedProblemListEntries {

        @Test
        void aSnomedCodeNoValueSetKnowsIsReportedWithCountAndCodes() {
            var a = check(CheckRequests.adultAtopicDermatitis()
                    .condition(Coding.snomed("186747009", "Coronavirus infection"))
                    .condition(Coding.snomed("999999991", null)));
            assertThat(a).hasDecision(Decision.PROCEED).hasFinding("RUXO-DATA-CONDITION-UNSCREENED", Severity.INFO);
            var finding = a.findings().stream().filter(f -> f.ruleId().equals("RUXO-DATA-CONDITION-UNSCREENED"))
                    .findFirst().orElseThrow();
            org.assertj.core.api.Assertions.assertThat(finding.summary()).startsWith("2 problem-list entries")
                    .contains("186747009").contains("999999991");
            org.assertj.core.api.Assertions.assertThat(a.findings())
                    .filteredOn(f -> f.ruleId().equals("RUXO-DATA-CONDITION-UNSCREENED")).hasSize(1);
        }

        @Test
        void anUnknownCodeSystemCannotBeScreenedEither() {
            assertThat(check(CheckRequests.adultAtopicDermatitis()
                    .condition(new Coding("http://hl7.org/fhir/sid/icd-10", "A15.0", "Tuberculosis of lung"))))
                    .hasFinding("RUXO-DATA-CONDITION-UNSCREENED", Severity.INFO);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Z99.89", "J45.909", "M17.11", "L20.9"})
        void icd10cmCodesAreAlwaysScreened(String icd10) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().condition(icd10, null)))
                    .hasNoFinding("RUXO-DATA-CONDITION-UNSCREENED");
        }

        @ParameterizedTest
        @ValueSource(strings = {"195967001", "162864005", "160903007", "59621000", "24079001", "314529007"})
        void knownSnomedConceptsAreQuietWhetherRelevantOrNot(String snomed) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().condition(Coding.snomed(snomed, null))))
                    .hasNoFinding("RUXO-DATA-CONDITION-UNSCREENED");
        }
    }

    @Test
    void aRecognisedMedicationDoesNotHideAnUnrecognisedOne() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("lisinopril 10 mg tablet", "oral")
                .medication("pyridostigmine 60 mg tablet", "oral")))
                .hasFinding("RUXO-DATA-MED-UNRECOGNISED", Severity.INFO);
    }

    @Test
    void recognisedOrStoppedCoMedicationIsNotReportedAsUnrecognised() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("fluconazole", "oral")))
                .hasNoFinding("RUXO-DATA-MED-UNRECOGNISED");
        assertThat(check(CheckRequests.adultAtopicDermatitis().stoppedMedication("lisinopril", "oral")))
                .hasNoFinding("RUXO-DATA-MED-UNRECOGNISED");
    }

    /** Issue 13, item 3: fields the wire format does not know give one DATA warning naming each of them. */
    @Test
    void unknownFieldsOfTheRequestAreOneDataWarningNamingEach() {
        CheckRequest r = CheckRequests.adultAtopicDermatitis().build();
        CheckRequest withUnknown = new CheckRequest(r.asOf(), r.patient(), r.order(), r.medications(), r.dispenses(),
                List.of(new UnknownField("medication", "medications"),
                        new UnknownField("patient.breastFeeding", "patient.breastfeeding")));
        Assessment a = check(withUnknown);
        assertThat(a).hasDecision(Decision.REVIEW).hasFinding("RUXO-DATA-UNKNOWN-FIELDS", Severity.WARNING);
        org.assertj.core.api.Assertions.assertThat(a.findings())
                .filteredOn(f -> f.ruleId().equals("RUXO-DATA-UNKNOWN-FIELDS")).singleElement()
                .satisfies(f -> {
                    org.assertj.core.api.Assertions.assertThat(f.category()).isEqualTo(Category.DATA);
                    org.assertj.core.api.Assertions.assertThat(f.summary()).contains("2 fields");
                    org.assertj.core.api.Assertions.assertThat(f.detail())
                            .contains("medication (probably medications)")
                            .contains("patient.breastFeeding (probably patient.breastfeeding)");
                });
        assertThat(check(r)).hasNoFinding("RUXO-DATA-UNKNOWN-FIELDS");
    }

    /** A 30-year-old with alopecia areata, an off-label indication, otherwise as the on-label default. */
    static CheckRequests.Builder offLabel() {
        return CheckRequests.adultAtopicDermatitis().indication(CheckRequests.ALOPECIA_AREATA);
    }
}
