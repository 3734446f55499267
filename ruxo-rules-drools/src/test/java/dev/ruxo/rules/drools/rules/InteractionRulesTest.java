package dev.ruxo.rules.drools.rules;

import static dev.ruxo.rules.drools.TestEngine.check;
import static dev.ruxo.rules.testkit.RuxoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.CodeSystems;
import dev.ruxo.rules.Decision;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.Severity;
import dev.ruxo.rules.testkit.CheckRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** interactions.drl: every drug class, by code and by name, with the routes that count and those that do not. */
class InteractionRulesTest {

    @ParameterizedTest(name = "{0} ({1}) is another JAK inhibitor")
    @CsvSource({
        "tofacitinib 5 mg tablet,oral", "Xeljanz XR,oral", "baricitinib,", "Rinvoq 15 mg,oral", "abrocitinib,oral",
        "ritlecitinib,oral", "deuruxolitinib,oral", "ruxolitinib 5 mg tablet,oral", "Jakafi,", "fedratinib,oral",
        "pacritinib,oral", "momelotinib,oral", "delgocitinib 20 mg/g cream,topical", "upadacitinib,oral"})
    void otherJakInhibitorsStop(String display, String route) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(display, route)))
                .hasDecision(Decision.STOP).hasFinding("RUXO-DDI-JAK", Severity.CRITICAL);
    }

    @Test
    void theCreamItselfIsNotAnotherJakInhibitor() {
        for (String display : new String[] {"Opzelura 1.5% cream", "ruxolitinib 15 MG/G Topical Cream"}) {
            assertThat(check(CheckRequests.adultAtopicDermatitis().medication(display, "topical")))
                    .hasNoFinding("RUXO-DDI-JAK").hasNoFinding("RUXO-DATA-MED-UNRECOGNISED")
                    .hasDecision(Decision.PROCEED);
        }
    }

    @Test
    void oralRuxolitinibByRxNormCodeIsAnotherJakInhibitorButTheTopicalFormIsNot() {
        var oral = new Medication(CodeSystems.RXNORM, "1193326", null, "oral", MedicationStatus.ACTIVE);
        var topical = new Medication(CodeSystems.RXNORM, "1193326", null, "topical", MedicationStatus.ACTIVE);
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(oral))).hasFinding("RUXO-DDI-JAK");
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(topical))).hasNoFinding("RUXO-DDI-JAK");
    }

    @Test
    void jakInhibitorByAtcCodeStops() {
        var m = new Medication(CodeSystems.ATC, "L04AF01", null, null, MedicationStatus.ACTIVE);
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(m))).hasFinding("RUXO-DDI-JAK");
    }

    @ParameterizedTest(name = "{0} is a therapeutic biologic")
    @CsvSource({"Dupixent 300 mg pen", "tralokinumab", "lebrikizumab", "nemolizumab", "adalimumab-adaz",
        "Humira Pen", "etanercept", "infliximab", "secukinumab", "ustekinumab", "Skyrizi", "omalizumab",
        "rituximab", "abatacept", "tocilizumab", "vedolizumab"})
    void therapeuticBiologicsStop(String display) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(display, "subcutaneous")))
                .hasDecision(Decision.STOP).hasFinding("RUXO-DDI-BIOLOGIC", Severity.CRITICAL);
    }

    @Test
    void dupilumabByRxNormCodeStops() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(
                Medication.rxnorm("1876366", "dupilumab", "subcutaneous")))).hasFinding("RUXO-DDI-BIOLOGIC");
    }

    @Test
    void tnfInhibitorByAtcClassStops() {
        var m = new Medication(CodeSystems.ATC, "L04AB04", "a TNF inhibitor", null, MedicationStatus.ACTIVE);
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(m))).hasFinding("RUXO-DDI-BIOLOGIC");
    }

    @ParameterizedTest(name = "{0} ({1}) is a potent systemic immunosuppressant")
    @CsvSource({"azathioprine 50 mg tablet,oral", "cyclosporine modified 100 mg capsule,oral", "Neoral,oral",
        "tacrolimus 1 mg capsule,oral", "mycophenolate mofetil 500 mg,oral", "sirolimus,oral", "everolimus,oral",
        "cyclophosphamide,intravenous", "voclosporin,oral", "belatacept,intravenous", "azathioprine,"})
    void potentImmunosuppressantsStop(String display, String route) {
        assertThat(check(CheckRequests.adultVitiligo().medication(display, route)))
                .hasDecision(Decision.STOP).hasFinding("RUXO-DDI-IMMUNOSUPPRESSANT", Severity.CRITICAL);
    }

    /** Issue 13, item 1: a co-medication's route of several words is read in the conservative direction. */
    @ParameterizedTest(name = "{0} ({1}) counts as systemic")
    @CsvSource({"tacrolimus,'topical, oral'", "tacrolimus,'oral, topical'", "tacrolimus,topical oral",
        "cyclosporine,'ophthalmic, oral'", "tacrolimus,topical or unknownroute", "cyclosporine 0.05% ophthalmic tablet,"})
    void aSystemicOrUnknownWordInACoMedicationRouteMakesItSystemic(String display, String route) {
        assertThat(check(CheckRequests.adultVitiligo().medication(display, route)))
                .hasDecision(Decision.STOP).hasFinding("RUXO-DDI-IMMUNOSUPPRESSANT", Severity.CRITICAL);
    }

    @ParameterizedTest(name = "{0} ({1}) is not systemic")
    @CsvSource({"cyclosporine 0.05% ophthalmic emulsion,ophthalmic", "tacrolimus 0.1% ointment,topical",
        "tacrolimus 0.03% ointment,", "cyclosporine eye drops,"})
    void localFormsOfImmunosuppressantsDoNotInteract(String display, String route) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(display, route)))
                .hasNoFinding("RUXO-DDI-IMMUNOSUPPRESSANT").hasNoFinding("RUXO-DATA-MED-UNRECOGNISED");
    }

    @ParameterizedTest(name = "{0} is a less potent systemic immunosuppressant")
    @CsvSource({"methotrexate 2.5 mg tablet,oral", "leflunomide,oral", "prednisone 20 mg tablet,oral"})
    void otherSystemicImmunosuppressantsWarn(String display, String route) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(display, route)))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-DDI-IMMUNOSUPPRESSANT-OTHER", Severity.WARNING);
    }

    @Test
    void topicalCorticosteroidIsNotSystemic() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("hydrocortisone 2.5% cream", "topical")))
                .hasNoFinding("RUXO-DDI-IMMUNOSUPPRESSANT-OTHER");
    }

    @Test
    void deucravacitinibWarnsAsTyk2NotJak() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("Sotyktu 6 mg tablet", "oral")))
                .hasDecision(Decision.REVIEW).hasFinding("RUXO-DDI-TYK2", Severity.WARNING)
                .hasNoFinding("RUXO-DDI-JAK");
    }

    @ParameterizedTest(name = "{0} is a strong CYP3A4 inhibitor")
    @CsvSource({"ketoconazole 200 mg tablet,oral", "itraconazole,oral", "posaconazole,oral", "voriconazole,oral",
        "clarithromycin 500 mg,oral", "ritonavir,oral", "lopinavir/ritonavir,oral", "Paxlovid,oral",
        "cobicistat,oral", "nefazodone,oral", "idelalisib,oral", "tucatinib,oral"})
    void strongCyp3a4InhibitorsWarnAsUnverified(String display, String route) {
        var a = check(CheckRequests.adultAtopicDermatitis().medication(display, route));
        assertThat(a).hasDecision(Decision.REVIEW).hasFinding("RUXO-DDI-CYP3A4-STRONG", Severity.WARNING);
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("RUXO-DDI-CYP3A4-STRONG"))
                .allSatisfy(f -> assertThat(f.source().verified()).isFalse());
    }

    @Test
    void ketoconazoleShampooIsNotSystemic() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("ketoconazole 2% shampoo", null)))
                .hasNoFinding("RUXO-DDI-CYP3A4-STRONG").hasDecision(Decision.PROCEED);
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("ketoconazole", "topical")))
                .hasNoFinding("RUXO-DDI-CYP3A4-STRONG");
    }

    @ParameterizedTest(name = "{0} is a moderate CYP3A4 inhibitor")
    @CsvSource({"fluconazole 150 mg tablet", "erythromycin", "diltiazem", "verapamil"})
    void moderateCyp3a4InhibitorsAreInfo(String display) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(display, "oral")))
                .hasDecision(Decision.PROCEED).hasFinding("RUXO-DDI-CYP3A4-MODERATE", Severity.INFO);
    }

    @Test
    void erythromycinEyeOintmentIsNotSystemic() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("erythromycin ophthalmic ointment", null)))
                .hasNoFinding("RUXO-DDI-CYP3A4-MODERATE");
    }

    @Test
    void stoppedOrCompletedMedicationsNeverInteract() {
        for (MedicationStatus status : new MedicationStatus[] {MedicationStatus.STOPPED, MedicationStatus.COMPLETED}) {
            var m = Medication.named("tofacitinib 5 mg tablet", "oral").withStatus(status);
            assertThat(check(CheckRequests.adultAtopicDermatitis().medication(m)))
                    .hasDecision(Decision.PROCEED).hasExactlyRules();
        }
    }

    @Test
    void onHoldMedicationsStillInteract() {
        var m = Medication.named("tofacitinib 5 mg tablet", "oral").withStatus(MedicationStatus.ON_HOLD);
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(m))).hasFinding("RUXO-DDI-JAK");
    }

    @Test
    void nameMatchingIsWholeWordAndCaseInsensitive() {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("TOFACITINIB CITRATE", "oral")))
                .hasFinding("RUXO-DDI-JAK");
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication("pretofacitinibx", "oral")))
                .hasNoFinding("RUXO-DDI-JAK");
    }

    @Test
    void unknownRouteCountsAsSystemicAndSaysSo() {
        var a = check(CheckRequests.adultAtopicDermatitis().medication("cyclosporine", null));
        assertThat(a).hasFinding("RUXO-DDI-IMMUNOSUPPRESSANT");
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("RUXO-DDI-IMMUNOSUPPRESSANT"))
                .allSatisfy(f -> assertThat(f.detail()).contains("assumed to be systemic"));
    }

    /** Issue 13, item 12: one rule gives one finding, with a count and the others named in its detail. */
    @Test
    void interactingMedicationsOfOneRuleGiveOneFindingWithACount() {
        var a = check(CheckRequests.adultAtopicDermatitis().medication("tofacitinib", "oral")
                .medication("baricitinib", "oral"));
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("RUXO-DDI-JAK")).singleElement()
                .satisfies(f -> {
                    assertThat(f.summary()).endsWith("(+1 more)");
                    assertThat(f.detail()).contains("2 findings of this rule").containsIgnoringCase("tofacitinib")
                            .containsIgnoringCase("baricitinib");
                });
    }

    @Test
    void sameDrugMatchedByCodeAndNameGivesOneFinding() {
        var a = check(CheckRequests.adultAtopicDermatitis().medication(
                Medication.rxnorm("1876366", "dupilumab 300 mg (Dupixent)", "subcutaneous")));
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("RUXO-DDI-BIOLOGIC")).hasSize(1);
    }

    @ParameterizedTest(name = "{0} is a known topical therapy that does not interact")
    @CsvSource({"Protopic 0.1% ointment,", "Elidel 1% cream,topical", "Eucrisa 2% ointment,", "Vtama 1% cream,",
        "Zoryve 0.15% cream,topical"})
    void knownTopicalCoTherapiesAreRecognisedAndDoNotInteract(String display, String route) {
        assertThat(check(CheckRequests.adultAtopicDermatitis().medication(display, route)))
                .hasDecision(Decision.PROCEED).hasExactlyRules();
    }
}
