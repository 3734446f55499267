package dev.ruxo.rules.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Error bodies as FHIR OperationOutcome JSON, as the CDS Hooks 3.0 ballot recommends. */
final class OperationOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OperationOutcomes() {
    }

    /**
     * An OperationOutcome with one issue per diagnostic.
     *
     * @param code        the FHIR issue type, such as {@code invalid}, {@code security}, {@code timeout}
     * @param diagnostics what went wrong, one issue each; never request text or patient data
     * @return the JSON bytes
     */
    static byte[] of(String code, List<String> diagnostics) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        var issues = outcome.putArray("issue");
        for (String d : diagnostics) {
            issues.addObject().put("severity", "error").put("code", code).put("diagnostics", d);
        }
        try {
            return JSON.writeValueAsBytes(outcome);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] of(String code, String diagnostics) {
        return of(code, List.of(diagnostics));
    }
}
