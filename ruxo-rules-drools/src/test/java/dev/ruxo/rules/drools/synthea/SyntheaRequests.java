package dev.ruxo.rules.drools.synthea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a Synthea population (FHIR R4 patient bundles) into compact wire-format requests, one JSON object a line:
 * each living patient's active conditions (every coding of each, de-duplicated by code), active medications (code
 * and display, from {@code medicationCodeableConcept} or the bundle's Medication resource), birth date and sex, and
 * the same cream order for atopic dermatitis: 10 % BSA, 60 g for 7 days, topical, twice daily, moderate disease after
 * inadequate topical therapy. Nothing else of the record is kept, so the file stays small and holds no narrative.
 *
 * <p>Not part of the test run. It needs only Jackson; regenerate the committed data from the seeded population that
 * {@code bash scripts/synthea/generate.sh} writes to {@code target/synthea} (seeds 20261202, reference date
 * 2026-12-01, 300 living patients, Massachusetts) with
 *
 * <pre>
 * bash scripts/synthea/generate.sh
 * ./mvnw -q -B -o test-compile -pl ruxo-rules-drools -am
 * J=~/.m2/repository/com/fasterxml/jackson/core
 * java -cp "ruxo-rules-drools/target/test-classes:$J/jackson-databind/2.20.1/jackson-databind-2.20.1.jar:$J/jackson-core/2.20.1/jackson-core-2.20.1.jar:$J/jackson-annotations/2.20/jackson-annotations-2.20.jar" \
 *     dev.ruxo.rules.drools.synthea.SyntheaRequests target/synthea/fhir 2026-12-01 \
 *     ruxo-rules-drools/src/test/resources/synthea/population.jsonl
 * </pre>
 *
 * <p>Deceased patients are left out. Patients are written in file-name order, so the same
 * population gives the same file.
 */
public final class SyntheaRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private SyntheaRequests() {
    }

    /**
     * @param args the bundle folder, the evaluation date (Synthea's reference date), the output file
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SyntheaRequests BUNDLE_FOLDER AS_OF OUTPUT.jsonl");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        List<Path> bundles;
        try (Stream<Path> files = Files.list(folder)) {
            bundles = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        int written = 0;
        int skipped = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (Path bundle : bundles) {
                ObjectNode request = request(JSON.readTree(bundle.toFile()), args[1]);
                if (request == null) {
                    skipped++;
                    continue;
                }
                out.write(JSON.writeValueAsString(request));
                out.write('\n');
                written++;
            }
        }
        System.out.println(written + " requests written, " + skipped + " bundles skipped (deceased or no patient)");
    }

    /** The request for one bundle, or null for a deceased patient or a bundle without one. */
    static ObjectNode request(JsonNode bundle, String asOf) {
        JsonNode patient = null;
        Map<String, JsonNode> medications = new HashMap<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            switch (r.path("resourceType").asText()) {
                case "Patient" -> patient = r;
                case "Medication" -> medications.put(entry.path("fullUrl").asText(), r);
                default -> {
                }
            }
        }
        if (patient == null || patient.has("deceasedDateTime") || patient.path("deceasedBoolean").asBoolean(false)) {
            return null;
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("asOf", asOf);
        ObjectNode p = request.putObject("patient");
        p.put("birthDate", patient.path("birthDate").asText());
        String gender = patient.path("gender").asText("");
        if (gender.equals("male") || gender.equals("female")) {
            p.put("sex", gender);
        }
        ArrayNode conditions = p.putArray("conditions");
        Set<String> seenConditions = new LinkedHashSet<>();
        ArrayNode meds = JSON.createArrayNode();
        Set<String> seenMeds = new LinkedHashSet<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            String type = r.path("resourceType").asText();
            if (type.equals("Condition") && active(r) && !r.has("abatementDateTime")) {
                for (JsonNode coding : r.path("code").path("coding")) {
                    if (seenConditions.add(coding.path("system").asText() + '|' + coding.path("code").asText())) {
                        conditions.add(coding(coding));
                    }
                }
            } else if (type.equals("MedicationRequest") && r.path("status").asText().equals("active")) {
                JsonNode concept = r.has("medicationCodeableConcept") ? r.path("medicationCodeableConcept")
                        : medications.getOrDefault(r.path("medicationReference").path("reference").asText(),
                                JSON.createObjectNode()).path("code");
                for (JsonNode coding : concept.path("coding")) {
                    if (RXNORM.equals(coding.path("system").asText())
                            && seenMeds.add(coding.path("code").asText())) {
                        meds.add(coding(coding));
                    }
                }
            }
        }
        ObjectNode order = request.putObject("order");
        ObjectNode indication = order.putObject("indication");
        indication.put("system", "http://hl7.org/fhir/sid/icd-10-cm");
        indication.put("code", "L20.9");
        indication.put("display", "Atopic dermatitis, unspecified");
        order.put("severity", "moderate");
        order.put("bsaPercent", 10);
        order.put("quantityGrams", 60);
        order.put("daysSupply", 7);
        order.put("applicationsPerDay", 2);
        order.put("route", "topical");
        order.put("priorTopicalTherapy", "inadequate");
        request.set("medications", meds);
        return request;
    }

    private static boolean active(JsonNode condition) {
        for (JsonNode c : condition.path("clinicalStatus").path("coding")) {
            if (c.path("code").asText().equals("active")) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode coding(JsonNode coding) {
        ObjectNode out = JSON.createObjectNode();
        out.put("system", coding.path("system").asText());
        out.put("code", coding.path("code").asText());
        if (coding.hasNonNull("display")) {
            out.put("display", coding.path("display").asText());
        }
        return out;
    }
}
