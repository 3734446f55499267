package dev.ruxo.rules.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;

/**
 * Random FHIR R4 input of every shape the mapper must take: elements present or not, codes known or not, units that
 * convert and units that do not, statuses of every kind, references that resolve and references that do not.
 */
final class RandomFhir {

    static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SCT = "http://snomed.info/sct";
    static final String RX = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private static final String[] MR_STATUS = {"active", "on-hold", "cancelled", "completed", "entered-in-error",
        "stopped", "draft", "unknown", null};
    private static final String[] MS_STATUS = {"active", "completed", "entered-in-error", "intended", "stopped",
        "on-hold", "unknown", "not-taken", null};
    private static final String[] MD_STATUS = {"preparation", "in-progress", "cancelled", "on-hold", "completed",
        "entered-in-error", "stopped", "declined", "unknown", null};
    private static final String[] CLINICAL = {"active", "recurrence", "relapse", "inactive", "remission", "resolved",
        null};
    private static final String[] VERIFICATION = {"unconfirmed", "provisional", "differential", "confirmed",
        "refuted", "entered-in-error", null};
    private static final String[] OBS_STATUS = {"registered", "preliminary", "final", "amended", "corrected",
        "cancelled", "entered-in-error", "unknown"};
    private static final String[] MASS_UNITS = {"g", "[g]", "gram", "kg", "mg", "mL", "tube", "{tube}", "oz", "", null};
    private static final String[] TIME_UNITS = {"d", "day", "wk", "mo", "h", "a", "min", "", null};
    private static final String[] CONDITION_CODES = {"L20.9", "L80", "I10", "E11.9", "A15.0", "B20", "Z94.0",
        "O09.90", "C50.919", "J45.909"};
    private static final String[] SNOMED_CONDITIONS = {"24079001", "56727007", "38341003", "86406008", "195967001",
        "77386006", "1234567"};
    private static final String[] MEDS = {"1357536", "2047232", "1876366", "1256", "3008", "6851", "6135", "1193326",
        "999999"};
    private static final String[] ROUTES = {"6064005", "448598008", "26643006", "54485002", "16857009", "34206005",
        "999999999"};
    private static final String[] NDCS = {"50881-007-05", "50881-007-07", "50881-007-04", "50881000705", "50881-007",
        "00003-0894-21"};
    private static final String[] DATES = {"2026-11-20", "2026-10-01", "2025-01-15", "2026-11-22T10:00:00Z", "2026",
        "2026-05", "2027-01-01", "1990-02-03"};

    private final Random r;
    private int ids;

    RandomFhir(long seed) {
        this.r = new Random(seed);
    }

    /** Draft orders, then the record: what {@link FhirCheckMapper#map(Bundle, java.util.Collection)} takes. */
    record Input(Bundle drafts, List<Resource> record) {
    }

    Input next() {
        Bundle drafts = new Bundle().setType(Bundle.BundleType.COLLECTION);
        int n = r.nextInt(4);
        boolean creamFirst = r.nextInt(5) > 0;
        if (creamFirst) {
            addWithMedication(drafts, cream());
        }
        for (int i = 0; i < n; i++) {
            addWithMedication(drafts, r.nextInt(6) == 0 ? cream() : other("draft"));
        }
        List<Resource> record = new ArrayList<>();
        if (r.nextInt(8) > 0) {
            record.add(patient());
        }
        Bundle conditions = searchset();
        for (int i = r.nextInt(6); i > 0; i--) {
            conditions.addEntry().setResource(condition());
        }
        Bundle meds = searchset();
        for (int i = r.nextInt(6); i > 0; i--) {
            meds.addEntry().setResource(r.nextBoolean() ? other(pick(MR_STATUS)) : statement());
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            meds.addEntry().setResource(dispense());
        }
        Bundle obs = searchset();
        for (int i = r.nextInt(5); i > 0; i--) {
            obs.addEntry().setResource(observation());
        }
        // prefetch shapes: a Bundle, a Bundle inside a Bundle, single resources
        record.add(conditions);
        if (r.nextBoolean()) {
            Bundle outer = searchset();
            outer.addEntry().setResource(meds);
            record.add(outer);
        } else {
            meds.getEntry().forEach(e -> record.add(e.getResource()));
        }
        record.add(obs);
        return new Input(drafts, record);
    }

    private void addWithMedication(Bundle drafts, MedicationRequest mr) {
        drafts.addEntry().setResource(mr).setFullUrl("urn:uuid:" + new java.util.UUID(r.nextLong(), ids++));
        if (mr.getMedication() instanceof Reference ref && ref.getReference() != null
                && ref.getReference().startsWith("Medication/") && r.nextBoolean()) {
            Medication m = new Medication();
            m.setId(ref.getReference().substring("Medication/".length()));
            m.setCode(new CodeableConcept().addCoding(new Coding(FhirCodes.NDC, pick(NDCS), null)));
            drafts.addEntry().setResource(m);
        }
    }

    private String pick(String[] values) {
        return values[r.nextInt(values.length)];
    }

    private String id() {
        return "r" + ids++;
    }

    private static Bundle searchset() {
        return new Bundle().setType(Bundle.BundleType.SEARCHSET);
    }

    private MedicationRequest cream() {
        MedicationRequest mr = new MedicationRequest();
        if (r.nextInt(6) > 0) {
            mr.setId(id());
        }
        mr.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        switch (r.nextInt(4)) {
            case 0 -> mr.setMedication(new CodeableConcept().addCoding(new Coding(FhirCodes.NDC, pick(NDCS), null)));
            case 1 -> mr.setMedication(new CodeableConcept().setText("Opzelura cream"));
            case 2 -> mr.setMedication(new Reference("Medication/m" + ids++));
            default -> {
                Medication contained = new Medication();
                contained.setId("med");
                contained.setCode(new CodeableConcept().setText("ruxolitinib 1.5% cream"));
                mr.addContained(contained);
                mr.setMedication(new Reference("#med"));
            }
        }
        if (r.nextInt(4) > 0) {
            mr.addReasonCode(r.nextBoolean()
                    ? new CodeableConcept().addCoding(new Coding(ICD, pick(CONDITION_CODES), null))
                    : new CodeableConcept().addCoding(new Coding(SCT, pick(SNOMED_CONDITIONS), null)));
        } else if (r.nextBoolean()) {
            mr.addReasonReference(new Reference("Condition/c" + r.nextInt(5)));
        }
        if (r.nextBoolean()) {
            mr.getDispenseRequest().setQuantity(quantity(MASS_UNITS));
        }
        if (r.nextBoolean()) {
            Duration d = new Duration();
            Quantity q = quantity(TIME_UNITS);
            d.setValue(q.getValue()).setUnit(q.getUnit());
            mr.getDispenseRequest().setExpectedSupplyDuration(d);
        }
        if (r.nextBoolean()) {
            mr.addDosageInstruction(dosage());
        }
        switch (r.nextInt(5)) {
            case 0 -> mr.addExtension(FhirCodes.TREATED_BSA_EXTENSION, new DecimalType(decimal()));
            case 1 -> mr.addExtension(FhirCodes.TREATED_BSA_EXTENSION, new StringType("ten"));
            case 2 -> mr.addExtension(FhirCodes.TREATED_BSA_EXTENSION, quantity(new String[] {"%", "m2", null}));
            default -> {
                // no extension
            }
        }
        return mr;
    }

    private BigDecimal decimal() {
        return switch (r.nextInt(6)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> BigDecimal.valueOf(-3);
            case 2 -> BigDecimal.valueOf(250);
            default -> BigDecimal.valueOf(r.nextInt(1000), 1);
        };
    }

    private Quantity quantity(String[] units) {
        Quantity q = new Quantity();
        if (r.nextInt(6) > 0) {
            q.setValue(decimal());
        }
        String unit = pick(units);
        if (unit != null) {
            q.setUnit(unit);
            if (r.nextBoolean()) {
                q.setSystem(FhirCodes.UCUM).setCode(unit);
            }
        }
        return q;
    }

    private Dosage dosage() {
        Dosage d = new Dosage();
        if (r.nextBoolean()) {
            CodeableConcept route = new CodeableConcept().addCoding(new Coding(SCT, pick(ROUTES), null));
            if (r.nextBoolean()) {
                route.setText(r.nextBoolean() ? "topical" : "Apply to skin");
            }
            d.setRoute(route);
        }
        if (r.nextBoolean()) {
            Timing.TimingRepeatComponent rep = d.getTiming().getRepeat();
            rep.setFrequency(r.nextInt(5));
            if (r.nextBoolean()) {
                rep.setPeriod(r.nextInt(3));
            }
            if (r.nextBoolean()) {
                rep.setPeriodUnit(Timing.UnitsOfTime.values()[r.nextInt(Timing.UnitsOfTime.values().length - 1)]);
            }
        } else if (r.nextBoolean()) {
            d.getTiming().setCode(new CodeableConcept().addCoding(new Coding(FhirCodes.V3_TIMING,
                    new String[] {"BID", "TID", "QD", "Q4H", "XYZ"}[r.nextInt(5)], null)));
        }
        return d;
    }

    private MedicationRequest other(String status) {
        MedicationRequest mr = new MedicationRequest();
        mr.setId(id());
        if (status != null && !status.equals("draft") || r.nextBoolean()) {
            mr.getStatusElement().setValueAsString(status == null ? "active" : status);
        }
        if (r.nextInt(5) > 0) {
            mr.setMedication(new CodeableConcept().addCoding(new Coding(RX, pick(MEDS), null))
                    .setText(r.nextBoolean() ? "some drug 5 MG Oral Tablet" : null));
        } else {
            mr.setMedication(new Reference("Medication/nowhere").setDisplay(r.nextBoolean() ? "tofacitinib" : null));
        }
        if (r.nextBoolean()) {
            mr.addDosageInstruction(dosage());
        }
        mr.getAuthoredOnElement().setValueAsString(pick(DATES));
        return mr;
    }

    private MedicationStatement statement() {
        MedicationStatement ms = new MedicationStatement();
        ms.setId(id());
        String status = pick(MS_STATUS);
        if (status != null) {
            ms.getStatusElement().setValueAsString(status);
        }
        ms.setMedication(r.nextInt(4) == 0 ? new CodeableConcept().setText("Opzelura")
                : new CodeableConcept().addCoding(new Coding(RX, pick(MEDS), null)));
        if (r.nextBoolean()) {
            ms.setEffective(new Period().setStartElement(new DateTimeType(pick(DATES))));
        } else if (r.nextBoolean()) {
            ms.setEffective(new DateTimeType(pick(DATES)));
        }
        return ms;
    }

    private MedicationDispense dispense() {
        MedicationDispense md = new MedicationDispense();
        md.setId(id());
        String status = pick(MD_STATUS);
        if (status != null) {
            md.getStatusElement().setValueAsString(status);
        }
        md.setMedication(new CodeableConcept().addCoding(new Coding(FhirCodes.NDC, pick(NDCS), null)));
        if (r.nextBoolean()) {
            md.setQuantity(quantity(MASS_UNITS));
        }
        if (r.nextBoolean()) {
            md.setDaysSupply(quantity(TIME_UNITS));
        }
        if (r.nextInt(4) > 0) {
            md.getWhenHandedOverElement().setValueAsString(pick(DATES));
        }
        return md;
    }

    private Patient patient() {
        Patient p = new Patient();
        p.setId(id());
        if (r.nextInt(6) > 0) {
            p.getBirthDateElement().setValueAsString(pick(new String[] {"1950-01-01", "2024-06-30", "2016", "2013-11",
                "1990-02-03", "2026-11-22"}));
        }
        if (r.nextBoolean()) {
            p.setGender(Enumerations.AdministrativeGender.values()[r.nextInt(4)]);
        }
        return p;
    }

    private Condition condition() {
        Condition c = new Condition();
        c.setId("c" + r.nextInt(5));
        String clinical = pick(CLINICAL);
        if (clinical != null) {
            c.setClinicalStatus(new CodeableConcept().addCoding(new Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-clinical", clinical, null)));
        }
        String verification = pick(VERIFICATION);
        if (verification != null) {
            c.setVerificationStatus(new CodeableConcept().addCoding(new Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-ver-status", verification, null)));
        }
        switch (r.nextInt(4)) {
            case 0 -> c.setCode(new CodeableConcept().addCoding(new Coding(ICD, pick(CONDITION_CODES), null)));
            case 1 -> c.setCode(new CodeableConcept().addCoding(new Coding(SCT, pick(SNOMED_CONDITIONS), null))
                    .addCoding(new Coding(ICD, pick(CONDITION_CODES), null)));
            case 2 -> c.setCode(new CodeableConcept().setText("itchy rash"));
            default -> {
                // no code
            }
        }
        return c;
    }

    private Observation observation() {
        Observation o = new Observation();
        o.setId(id());
        o.getStatusElement().setValueAsString(pick(OBS_STATUS));
        String[][] codes = {{FhirCodes.LOINC, FhirCodes.SMOKING_STATUS}, {FhirCodes.LOINC, FhirCodes.PREGNANCY_STATUS},
            {FhirCodes.LOINC, FhirCodes.BREASTFEEDING_STATUS}, {FhirCodes.RUXO_CODE_SYSTEM, FhirCodes.TREATED_BSA_CODE},
            {FhirCodes.LOINC, "8302-2"}};
        String[] code = codes[r.nextInt(codes.length)];
        o.getCode().addCoding(new Coding(code[0], code[1], null));
        if (r.nextBoolean()) {
            o.setEffective(new DateTimeType(pick(DATES)));
        }
        switch (r.nextInt(4)) {
            case 0 -> o.setValue(new CodeableConcept().addCoding(new Coding(SCT, pick(new String[] {"449868002",
                "8517006", "266919005", "77386006", "60001007", "261665006", "123"}), null)));
            case 1 -> o.setValue(new CodeableConcept().addCoding(new Coding(FhirCodes.LOINC, pick(new String[] {
                "LA29252-6", "LA29253-4", "LA18978-9", "LA0000-0"}), null)));
            case 2 -> o.setValue(quantity(new String[] {"%", "cm", null}));
            default -> {
                // no value
            }
        }
        return o;
    }
}
