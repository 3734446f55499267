package dev.ruxo.rules.cdshooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruxo.rules.CheckEngine;
import java.util.Map;
import java.util.Set;

final class FhirHookEvaluator implements HookEvaluator {
    FhirHookEvaluator(CheckEngine engine) {
    }

    @Override
    public Map<String, String> prefetchTemplates() {
        return Map.of("patient", "Patient/{{context.patientId}}");
    }

    @Override
    public Evaluation evaluate(String hook, ObjectNode request, Set<String> hiddenRules) {
        throw new UnsupportedOperationException("TEMP");
    }
}
