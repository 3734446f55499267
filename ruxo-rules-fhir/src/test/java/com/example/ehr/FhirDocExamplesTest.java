package com.example.ehr;

// docs:begin imports
import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.RuxoRules;
import dev.ruxo.rules.fhir.CdsCard;
import dev.ruxo.rules.fhir.CdsCards;
import dev.ruxo.rules.fhir.CdsHooksChecker;
import dev.ruxo.rules.fhir.CdsHooksPrefetch;
import dev.ruxo.rules.fhir.CdsHooksReader;
import dev.ruxo.rules.fhir.CdsHooksRequest;
import dev.ruxo.rules.fhir.FhirCheckMapper;
import dev.ruxo.rules.fhir.FhirCodes;
import dev.ruxo.rules.fhir.FhirMapping;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
// docs:end

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * docs/fhir.md shows this code word for word, imports included, and its FHIR JSON examples map as it says. The test
 * sits outside the module's package, so it uses the public API only.
 */
class FhirDocExamplesTest {

    private static final Path DOC = Path.of("..", "docs", "fhir.md");
    private static final Path SOURCE = Path.of("src/test/java/com/example/ehr/FhirDocExamplesTest.java");

    private static void examples(String body) {
        // docs:begin hapi-objects
        CheckEngine engine = RuxoRules.newEngine();           // build once, share
        FhirCheckMapper mapper = FhirCheckMapper.create();     // thread safe, no state
        CdsCards cards = CdsCards.create();

        MedicationRequest order = new MedicationRequest();
        order.setId("draft-1");
        order.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        order.setMedication(new CodeableConcept()
                .addCoding(new Coding(FhirCodes.NDC, "50881-007-05", "Opzelura 1.5% cream, 60 g")));
        order.addReasonCode(new CodeableConcept()
                .addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "L20.9", "Atopic dermatitis")));
        order.getDispenseRequest().setQuantity(new Quantity().setValue(100).setUnit("g"));
        order.addExtension(FhirCodes.TREATED_BSA_EXTENSION, new DecimalType("12.5"));

        Patient patient = new Patient();
        patient.getBirthDateElement().setValueAsString("1990-04-02");

        Bundle draftOrders = new Bundle().setType(Bundle.BundleType.COLLECTION);
        draftOrders.addEntry().setResource(order);

        FhirMapping mapping = mapper.map(draftOrders, List.of(patient)); // throws InvalidRequestException
        if (mapping.status() == FhirMapping.Status.CHECKABLE) {
            Assessment assessment = engine.check(mapping.request());
            List<CdsCard> shown = cards.cards(mapping, assessment, "hook-instance-uuid");
            System.out.println(assessment.decision() + ", " + shown.size() + " cards");
        } else {
            List<CdsCard> shown = cards.cards(mapping, "hook-instance-uuid"); // "not checked" card, or none
            System.out.println(mapping.status() + " " + mapping.missing());
        }
        // docs:end

        // docs:begin cds-hooks-json
        CdsHooksReader reader = CdsHooksReader.create();
        CdsHooksChecker checker = CdsHooksChecker.create(engine);

        CdsHooksRequest request = reader.read(body);          // InvalidRequestException, field by field
        List<String> toFetch = CdsHooksPrefetch.missing(request);
        if (!toFetch.isEmpty()) {
            System.out.println("fetch or answer 412: " + toFetch);
        }
        CdsHooksChecker.Result result = checker.check(request);
        String response = CdsCards.create().writeResponse(result.cards()); // {"cards":[...]}
        System.out.println(response.length() > 0);
        // docs:end
    }

    @Test
    void theExamplesRunAndPrintWhatTheDocSays() throws IOException {
        String body = Files.readString(Path.of("src/test/resources/cds-hooks/medication-from-bundle.json"));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            examples(body);
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        // quantity without a supply duration: the DATA warning; atopic dermatitis without prior-therapy documentation
        assertThat(lines.get(0)).isEqualTo("REVIEW, 2 cards");
        assertThat(lines.get(1)).isEqualTo("fetch or answer 412: [medicationRequests, medicationStatements,"
                + " medicationDispenses]");
        assertThat(lines.get(2)).isEqualTo("true");
    }

    @Test
    void theDocShowsExactlyThisCode() throws IOException {
        String doc = Files.readString(DOC);
        String source = Files.readString(SOURCE);
        Matcher example = Pattern.compile("<!-- example: (\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int found = 0;
        while (example.find()) {
            found++;
            Matcher region = Pattern.compile("// docs:begin " + Pattern.quote(example.group(1)) + "\\n(.*?)// docs:end",
                    Pattern.DOTALL).matcher(source);
            assertThat(region.find()).as("region %s", example.group(1)).isTrue();
            assertThat(normalize(example.group(2))).as("example %s", example.group(1))
                    .isEqualTo(normalize(region.group(1)));
        }
        assertThat(found).isEqualTo(3);
        assertThat(doc.split("```java", -1)).as("every java block is a tagged example").hasSize(found + 1);
    }

    @Test
    void theFhirJsonExamplesMapAsTheDocSays() throws IOException {
        Map<String, org.hl7.fhir.r4.model.Resource> examples = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<!-- fhir: (\\S+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(DOC));
        while (m.find()) {
            examples.put(m.group(1), (org.hl7.fhir.r4.model.Resource) FhirContext.forR4Cached().newJsonParser()
                    .parseResource(m.group(2)));
        }
        assertThat(examples).containsOnlyKeys("bsa-extension", "bsa-observation");
        Patient patient = new Patient();
        patient.getBirthDateElement().setValueAsString("1990-04-02");
        MedicationRequest order = (MedicationRequest) examples.get("bsa-extension");
        Observation obs = (Observation) examples.get("bsa-observation");
        FhirCheckMapper mapper = FhirCheckMapper.create();

        Bundle drafts = new Bundle();
        drafts.addEntry().setResource(order);
        assertThat(mapper.map(drafts, List.of(patient, obs)).request().order().bsaPercent())
                .isEqualByComparingTo("12.5");
        MedicationRequest plain = order.copy();
        plain.getExtension().clear();
        Bundle withoutExtension = new Bundle();
        withoutExtension.addEntry().setResource(plain);
        assertThat(mapper.map(withoutExtension, List.of(patient, obs)).request().order().bsaPercent())
                .isEqualByComparingTo("8");
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
