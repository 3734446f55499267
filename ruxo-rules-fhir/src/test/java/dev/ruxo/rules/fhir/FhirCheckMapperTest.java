package dev.ruxo.rules.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.Finding;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FhirCheckMapperTest {

    private final FhirCheckMapper mapper = Fixtures.mapper();

    private static List<String> ruleIds(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void orderSignCompleteMapsEveryPart() {
        FhirMapping m = mapper.map(Fixtures.request("order-sign-complete.json"));
        assertThat(m.status()).isEqualTo(FhirMapping.Status.CHECKABLE);
        assertThat(m.request().order().therapyStartDate()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(m.request().order().ndc()).isEqualTo("50881-007-07");
        assertThat(m.request().dispenses()).hasSize(1);
        assertThat(m.creamOrder()).hasValueSatisfying(d -> assertThat(d.reference()).isEqualTo("MedicationRequest/draft-cream-1"));
        Assessment a = Fixtures.engine().check(m.request());
        assertThat(ruleIds(a)).contains("RUXO-DOSE-QTY-WEEKLY", "RUXO-DOSE-REFILL-TOO-SOON", "RUXO-SAF-SMOKER",
                "RUXO-DDI-IMMUNOSUPPRESSANT-OTHER");
    }

    @Test
    void unmappableValuesAreListedAllAtOnceWithTheirFhirPath() {
        assertThatThrownBy(() -> mapper.map(Fixtures.request("units-ml.json")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).extracting(Violation::toString)
                        .containsExactly(
                                "MedicationRequest/abc: dispenseRequest.quantity.unit 'mL' is not a mass",
                                "MedicationRequest/abc: dispenseRequest.expectedSupplyDuration.unit 'h' is not a unit"
                                        + " of days, weeks or months",
                                "MedicationDispense/md-bad: whenHandedOver is not a valid date"));
    }

    @Test
    void noCreamOrderIsNothingToCheckEvenWhenOtherDraftsCannotBeMapped() {
        MedicationRequest other = Drafts.other("o1", "1357536", "tofacitinib 5 MG Oral Tablet");
        other.getDispenseRequest().setQuantity(new Quantity().setValue(3).setUnit("mL"));
        FhirMapping m = mapper.map(Drafts.bundle(other), List.of());
        assertThat(m.status()).isEqualTo(FhirMapping.Status.NOTHING_TO_CHECK);
        assertThat(m.checkRequest()).isEmpty();
        assertThat(m.draftOrders()).singleElement().satisfies(d -> assertThat(d.cream()).isFalse());
        assertThat(CdsCards.create().cards(m, "h")).isEmpty();
    }

    @Test
    void nullAndEmptyInputsAreNothingToCheck() {
        assertThat(mapper.map(null, null).status()).isEqualTo(FhirMapping.Status.NOTHING_TO_CHECK);
        assertThat(mapper.map(new Bundle(), List.of(new Bundle())).status())
                .isEqualTo(FhirMapping.Status.NOTHING_TO_CHECK);
    }

    @Test
    void prefetchAbsentMeansPatientMissingAndEveryKeyToFetch() {
        CdsHooksRequest r = Fixtures.request("prefetch-absent.json");
        FhirMapping m = mapper.map(r);
        assertThat(m.status()).isEqualTo(FhirMapping.Status.INCOMPLETE);
        assertThat(m.missing()).singleElement().asString().startsWith("Patient");
        assertThat(CdsHooksPrefetch.missing(r)).containsExactly("patient", "conditions", "medicationRequests",
                "medicationStatements", "medicationDispenses", "observations");
        assertThat(CdsCards.create().cards(m, r.hookInstance())).singleElement()
                .satisfies(c -> assertThat(c.indicator()).isEqualTo(CdsCard.Indicator.WARNING));
    }

    @Test
    void prefetchNullIsSentAndNotMissing() {
        assertThat(CdsHooksPrefetch.missing(Fixtures.request("prefetch-null.json"))).isEmpty();
    }

    @Test
    void anOperationOutcomePrefetchCountsAsMissingNotAsNoData() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode body =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Fixtures.read("prefetch-null.json"));
        assertThat(CdsHooksPrefetch.missing(CdsHooksReader.create().read(body))).isEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode prefetch =
                (com.fasterxml.jackson.databind.node.ObjectNode) body.get("prefetch");
        prefetch.set("conditions", json.readTree(
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}"));
        prefetch.set("medicationRequests", json.readTree("{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
                + "\"entry\":[{\"resource\":{\"resourceType\":\"OperationOutcome\","
                + "\"issue\":[{\"severity\":\"error\",\"code\":\"exception\"}]}}]}"));
        assertThat(CdsHooksPrefetch.missing(CdsHooksReader.create().read(body)))
                .containsExactly("conditions", "medicationRequests");
    }

    @Test
    void resourcesAreFoundByTypeUnderAnyKey() {
        CdsHooksRequest r = Fixtures.request("medication-from-bundle.json");
        FhirMapping m = mapper.map(r);
        assertThat(m.request().patient().conditions()).extracting(dev.ruxo.rules.Coding::code).containsExactly("M06.9");
        // Conditions and Observations sat under an undeclared key, so no declared key is missing
        assertThat(CdsHooksPrefetch.missing(r)).containsExactly("medicationRequests", "medicationStatements",
                "medicationDispenses");
    }

    @Test
    void aMissingIndicationIsIncompleteNotAnError() {
        MedicationRequest cream = Drafts.cream("c1");
        cream.setReasonCode(List.of());
        FhirMapping m = mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01")));
        assertThat(m.status()).isEqualTo(FhirMapping.Status.INCOMPLETE);
        assertThat(m.missing()).containsExactly("MedicationRequest/c1: reasonCode or reasonReference (the indication)");
    }

    @Test
    void reasonReferenceResolvesToAConditionInThePrefetch() {
        MedicationRequest cream = Drafts.cream("c1");
        cream.setReasonCode(List.of());
        cream.addReasonReference(new Reference("Condition/v1"));
        Condition vitiligo = new Condition();
        vitiligo.setId("v1");
        vitiligo.setCode(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "56727007", "Vitiligo")));
        FhirMapping m = mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01"), Drafts.bundle(vitiligo)));
        assertThat(m.request().order().indication().code()).isEqualTo("56727007");
    }

    @Test
    void theBsaExtensionWinsOverTheObservation() {
        Observation obs = new Observation();
        obs.setId("bsa");
        obs.setStatus(Observation.ObservationStatus.FINAL);
        obs.getCode().addCoding(new Coding(FhirCodes.RUXO_CODE_SYSTEM, FhirCodes.TREATED_BSA_CODE, null));
        obs.setValue(new Quantity().setValue(35).setUnit("%").setSystem(FhirCodes.UCUM).setCode("%"));
        FhirMapping withExtension = mapper.map(Drafts.bundle(Drafts.cream("c1")),
                List.of(Drafts.patient("1990-01-01"), obs));
        assertThat(withExtension.request().order().bsaPercent()).isEqualByComparingTo("10");

        MedicationRequest plain = Drafts.cream("c2");
        plain.getExtension().clear();
        FhirMapping fallback = mapper.map(Drafts.bundle(plain), List.of(Drafts.patient("1990-01-01"), obs));
        assertThat(fallback.request().order().bsaPercent()).isEqualByComparingTo("35");
        assertThat(ruleIds(Fixtures.engine().check(fallback.request()))).contains("RUXO-DOSE-BSA-AD");
    }

    @Test
    void aBsaOutsideItsRangeIsAnError() {
        MedicationRequest cream = Drafts.cream("c1");
        cream.getExtension().clear();
        cream.addExtension(FhirCodes.TREATED_BSA_EXTENSION, new org.hl7.fhir.r4.model.DecimalType("120"));
        assertThatThrownBy(() -> mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("MedicationRequest/c1: extension('" + FhirCodes.TREATED_BSA_EXTENSION
                        + "').value must be above 0 and at most 100");
    }

    @ParameterizedTest
    @CsvSource({
        "g, 60, 60", "[g], 60, 60", "gram, 60, 60", "kg, 0.06, 60", "mg, 60000, 60", "{tube}, 2, 120", "tube, 1, 60"})
    void quantitiesConvertToGrams(String unit, String value, String grams) {
        MedicationRequest cream = Drafts.cream("c1");
        cream.getDispenseRequest().setQuantity(new Quantity().setValue(new BigDecimal(value)).setUnit(unit));
        FhirMapping m = mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01")));
        assertThat(m.request().order().quantityGrams()).isEqualByComparingTo(grams);
    }

    @Test
    void tubesWithoutAPackageNdcAreAnError() {
        MedicationRequest cream = Drafts.cream("c1");
        cream.setMedication(new CodeableConcept().setText("Opzelura cream"));
        cream.getDispenseRequest().setQuantity(new Quantity().setValue(2).setUnit("tube"));
        assertThatThrownBy(() -> mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01"))))
                .hasMessageContaining("dispenseRequest.quantity counts tubes, but the order names no package NDC");
    }

    @ParameterizedTest
    @CsvSource({"d, 10, 10", "wk, 2, 14", "mo, 1, 30", "days, 1.5, 1"})
    void supplyDurationsConvertToWholeDays(String unit, String value, int days) {
        MedicationRequest cream = Drafts.cream("c1");
        org.hl7.fhir.r4.model.Duration d = new org.hl7.fhir.r4.model.Duration();
        d.setValue(new BigDecimal(value)).setUnit(unit);
        cream.getDispenseRequest().setExpectedSupplyDuration(d);
        FhirMapping m = mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01")));
        assertThat(m.request().order().daysSupply()).isEqualTo(days);
    }

    @Test
    void noSupplyDurationLeadsToTheDataFindingNotAGuess() {
        MedicationRequest cream = Drafts.cream("c1");
        cream.getDispenseRequest().setExpectedSupplyDuration(null);
        FhirMapping m = mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01")));
        assertThat(m.request().order().daysSupply()).isNull();
        assertThat(ruleIds(Fixtures.engine().check(m.request()))).contains("RUXO-DATA-QTY-MISSING");
    }

    @ParameterizedTest
    @CsvSource({
        "http://snomed.info/sct, 6064005, topical",
        "http://snomed.info/sct, 448598008, cutaneous",
        "http://snomed.info/sct, 54485002, ophthalmic",
        "http://snomed.info/sct, 26643006, oral",
        "http://snomed.info/sct, 16857009, vaginal",
        "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration, SKIN, topical",
        "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration, PO, oral"})
    void routeCodesBecomeRouteWords(String system, String code, String word) {
        assertThat(Mapping.routeWord(new CodeableConcept().addCoding(new Coding(system, code, null)))).isEqualTo(word);
    }

    @Test
    void anOphthalmicRouteIsCriticalWithAFixSuggested() {
        MedicationRequest cream = Drafts.cream("c1");
        cream.addDosageInstruction().setRoute(new CodeableConcept().addCoding(
                new Coding("http://snomed.info/sct", "54485002", "Ophthalmic route")));
        FhirMapping m = mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01")));
        Assessment a = Fixtures.engine().check(m.request());
        assertThat(ruleIds(a)).contains("RUXO-DOSE-ROUTE");
        CdsCard card = CdsCards.create().cards(m, a, "h").stream()
                .filter(c -> c.source().topic().code().equals("RUXO-DOSE-ROUTE")).findFirst().orElseThrow();
        assertThat(card.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.actions()).singleElement().satisfies(act -> {
                assertThat(act.type()).isEqualTo(CdsCard.ActionType.UPDATE);
                assertThat(act.resourceId()).isEqualTo("MedicationRequest/c1");
                assertThat(((MedicationRequest) act.resource()).getDosageInstructionFirstRep().getRoute()
                        .getCodingFirstRep().getCode()).isEqualTo("6064005");
            });
        });
        // the draft the EHR sent is unchanged
        assertThat(cream.getDosageInstructionFirstRep().getRoute().getCodingFirstRep().getCode()).isEqualTo("54485002");
    }

    @Test
    void anUnknownRouteCodeWithoutTextIsAnError() {
        MedicationRequest cream = Drafts.cream("c1");
        cream.addDosageInstruction().setRoute(new CodeableConcept().addCoding(
                new Coding("http://snomed.info/sct", "999999999", null)));
        assertThatThrownBy(() -> mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01"))))
                .hasMessageContaining("MedicationRequest/c1: dosageInstruction[0].route has no known route code");
    }

    @ParameterizedTest
    @CsvSource({"2, 1, d, 2", "3, 1, d, 3", "1, 1, d, 1", "5, 2, d, 3", "1, 2, d, 1", "1, 12, h, 2", "14, 1, wk, 2",
        "15, 1, wk, 3"})
    void applicationsPerDayKeepTheirSideOfTwo(int frequency, int period, String unit, int perDay) {
        MedicationRequest cream = Drafts.cream("c1");
        Timing.TimingRepeatComponent repeat = cream.addDosageInstruction().getTiming().getRepeat();
        repeat.setFrequency(frequency).setPeriod(period).setPeriodUnit(Timing.UnitsOfTime.fromCode(unit));
        FhirMapping m = mapper.map(Drafts.bundle(cream), List.of(Drafts.patient("1990-01-01")));
        assertThat(m.request().order().applicationsPerDay()).isEqualTo(perDay);
    }

    @Test
    void anUnknownSmokingAnswerIsAnErrorNotSilence() {
        Observation obs = new Observation();
        obs.setId("s1");
        obs.setStatus(Observation.ObservationStatus.FINAL);
        obs.getCode().addCoding(new Coding(FhirCodes.LOINC, FhirCodes.SMOKING_STATUS, null));
        obs.setValue(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "123456", null)));
        assertThatThrownBy(() -> mapper.map(Drafts.bundle(Drafts.cream("c1")),
                List.of(Drafts.patient("1990-01-01"), obs)))
                .hasMessageContaining("Observation/s1: valueCodeableConcept code '123456' is not a known answer to 72166-2");
    }

    @Test
    void aPartialBirthDateCountsFromItsFirstDay() {
        FhirMapping m = mapper.map(Drafts.bundle(Drafts.cream("c1")), List.of(Drafts.patient("1990")));
        assertThat(m.request().patient().birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void aPatientWithoutBirthDateIsIncomplete() {
        org.hl7.fhir.r4.model.Patient p = Drafts.patient("1990-01-01");
        p.setBirthDateElement(null);
        FhirMapping m = mapper.map(Drafts.bundle(Drafts.cream("c1")), List.of(p));
        assertThat(m.missing()).containsExactly("Patient/p1: birthDate");
    }

    @Test
    void aJakInhibitorOrderedTogetherGetsADeleteSuggestion() {
        CdsHooksRequest r = Fixtures.request("medication-from-bundle.json");
        CdsHooksChecker.Result result = CdsHooksChecker.create(Fixtures.engine(), mapper, CdsCards.create()).check(r);
        CdsCard jak = result.cards().stream().filter(c -> c.source().topic().code().equals("RUXO-DDI-JAK"))
                .findFirst().orElseThrow();
        assertThat(jak.indicator()).isEqualTo(CdsCard.Indicator.CRITICAL);
        assertThat(jak.suggestions()).singleElement().satisfies(s -> assertThat(s.actions()).singleElement()
                .satisfies(a -> {
                    assertThat(a.type()).isEqualTo(CdsCard.ActionType.DELETE);
                    assertThat(a.resourceId()).isEqualTo("MedicationRequest/draft-tofa");
                }));
    }

    @Test
    void creamNdcsInEveryForm() {
        assertThat(Mapping.creamPackage("50881-007-05")).isEqualTo("05");
        assertThat(Mapping.creamPackage("50881-0007-07")).isEqualTo("07");
        assertThat(Mapping.creamPackage("50881000704")).isEqualTo("04");
        assertThat(Mapping.creamPackage("5088100705")).isEqualTo("05");
        assertThat(Mapping.creamPackage("50881-007")).isEmpty();
        assertThat(Mapping.creamPackage("50881-008-05")).isNull();
        assertThat(Mapping.creamPackage("00003-0894-21")).isNull();
    }

    @Test
    void theIngredientCodeAloneIsNotTheCreamButAConfiguredCodeIs() {
        MedicationRequest jakafi = Drafts.other("j1", "1193326", "Jakafi 5 MG Oral Tablet");
        assertThat(mapper.map(Drafts.bundle(jakafi), List.of()).status())
                .isEqualTo(FhirMapping.Status.NOTHING_TO_CHECK);
        MedicationRequest coded = Drafts.other("c9", "9999001", null);
        coded.addReasonCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "L80", null)));
        FhirCheckMapper site = FhirCheckMapper.builder().asOf(Fixtures.AS_OF).addCreamRxNormCode("9999001").build();
        assertThat(site.map(Drafts.bundle(coded), List.of(Drafts.patient("1990-01-01"))).status())
                .isEqualTo(FhirMapping.Status.CHECKABLE);
    }

    @Test
    void conditionStatuses() {
        assertThat(Mapping.active(condition("active", null))).isTrue();
        assertThat(Mapping.active(condition("recurrence", "confirmed"))).isTrue();
        assertThat(Mapping.active(condition("relapse", "provisional"))).isTrue();
        assertThat(Mapping.active(condition(null, null))).isTrue();
        assertThat(Mapping.active(condition("inactive", null))).isFalse();
        assertThat(Mapping.active(condition("remission", null))).isFalse();
        assertThat(Mapping.active(condition("resolved", null))).isFalse();
        assertThat(Mapping.active(condition("active", "refuted"))).isFalse();
        assertThat(Mapping.active(condition("active", "entered-in-error"))).isFalse();
    }

    private static Condition condition(String clinical, String verification) {
        Condition c = new Condition();
        if (clinical != null) {
            c.setClinicalStatus(new CodeableConcept().addCoding(new Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-clinical", clinical, null)));
        }
        if (verification != null) {
            c.setVerificationStatus(new CodeableConcept().addCoding(new Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-ver-status", verification, null)));
        }
        return c;
    }
}
