package dev.ruxo.rules.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Writes CDS Hooks request bodies from HAPI objects, for tests that go through JSON. */
final class CdsHooksRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CdsHooksRequests() {
    }

    static String toJson(String hook, String hookInstance, Bundle drafts, Map<String, Optional<Resource>> prefetch) {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("hook", hook);
            root.put("hookInstance", hookInstance);
            ObjectNode context = root.putObject("context");
            context.put("userId", "Practitioner/1");
            context.set("draftOrders", JSON.readTree(encode(drafts)));
            ObjectNode pre = root.putObject("prefetch");
            for (Map.Entry<String, Optional<Resource>> e : prefetch.entrySet()) {
                if (e.getValue().isPresent()) {
                    pre.set(e.getKey(), JSON.readTree(encode(e.getValue().get())));
                } else {
                    pre.putNull(e.getKey());
                }
            }
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(Resource r) {
        return Fhir.context().newJsonParser().encodeResourceToString(r);
    }
}
