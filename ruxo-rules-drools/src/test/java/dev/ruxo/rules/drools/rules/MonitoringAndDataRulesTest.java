package dev.ruxo.rules.drools.rules;

import static dev.ruxo.rules.drools.TestEngine.check;
import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Category;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.UnknownField;
import java.util.List;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.CheckRequests;
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
    void recordedBsaOrOffLabelIndicationHasNoBsaDataFinding() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().bsa("1"))).hasNoFinding("RUXO-DATA-BSA-MISSING");
        assertThat(check(CheckRequests.adultAtopicDermatitis().bsa((String) null)
                .indication(Coding.icd10cm("L63.9", "Alopecia areata")))).hasNoFinding("RUXO-DATA-BSA-MISSING");
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
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("lisinopril 10 mg tablet", "oral")))
                .hasDecision(Decision.PROCEED).hasFinding("RUXO-DATA-MED-UNRECOGNISED", Severity.INFO);
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
}
