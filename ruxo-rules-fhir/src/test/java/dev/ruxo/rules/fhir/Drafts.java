package dev.ruxo.rules.fhir;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/** HAPI objects for tests that build their input in Java, as an EHR does. */
final class Drafts {

    private Drafts() {
    }

    static MedicationRequest cream(String id) {
        MedicationRequest mr = new MedicationRequest();
        mr.setId(id);
        mr.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        mr.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        mr.setMedication(new CodeableConcept().addCoding(new Coding(FhirCodes.NDC, "50881-007-05", "Opzelura 60 g"))
                .setText("Opzelura 1.5% cream"));
        mr.addReasonCode(new CodeableConcept().addCoding(
                new Coding("http://hl7.org/fhir/sid/icd-10-cm", "L20.9", "Atopic dermatitis, unspecified")));
        mr.getDispenseRequest().setQuantity(grams(60));
        mr.getDispenseRequest().setExpectedSupplyDuration(days(7));
        mr.addExtension(FhirCodes.TREATED_BSA_EXTENSION, new DecimalType("10"));
        return mr;
    }

    static MedicationRequest other(String id, String rxcui, String text) {
        MedicationRequest mr = new MedicationRequest();
        mr.setId(id);
        mr.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        mr.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        mr.setMedication(new CodeableConcept().addCoding(
                new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", rxcui, null)).setText(text));
        return mr;
    }

    static Quantity grams(double value) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit("g").setSystem(FhirCodes.UCUM).setCode("g");
    }

    static Duration days(int value) {
        Duration d = new Duration();
        d.setValue(value).setUnit("d").setSystem(FhirCodes.UCUM).setCode("d");
        return d;
    }

    static Patient patient(String birthDate) {
        Patient p = new Patient();
        p.setId("p1");
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.getBirthDateElement().setValueAsString(birthDate);
        return p;
    }

    static Bundle bundle(Resource... resources) {
        Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource r : resources) {
            b.addEntry().setResource(r);
        }
        return b;
    }
}
