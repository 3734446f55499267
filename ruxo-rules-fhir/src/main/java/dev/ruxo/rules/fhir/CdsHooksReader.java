package dev.ruxo.rules.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruxo.rules.InvalidRequestException;
import dev.ruxo.rules.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a CDS Hooks request body (JSON) into a {@link CdsHooksRequest}, parsing its FHIR resources with HAPI FHIR R4.
 * Thread safe: share one reader.
 *
 * <pre>{@code
 * CdsHooksRequest request = CdsHooksReader.create().read(body);
 * }</pre>
 *
 * <p>Unknown JSON fields of the request and unknown FHIR elements are skipped, as CDS Hooks asks of services (clients
 * may send newer fields). A malformed request is rejected with every problem at once; a violation names the field
 * ({@code context.draftOrders}, {@code prefetch.patient}) and never repeats request content.
 *
 * @since 0.1.0
 */
public final class CdsHooksReader {

    /** The hooks this reader accepts. */
    public static final Set<String> HOOKS = Set.of("order-select", "order-sign");

    private final ObjectMapper json;

    private CdsHooksReader() {
        this.json = new ObjectMapper();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    /**
     * A reader.
     *
     * @return a new reader
     */
    public static CdsHooksReader create() {
        return new CdsHooksReader();
    }

    /**
     * Reads a request from JSON text.
     *
     * @param body the request body
     * @return the request
     * @throws InvalidRequestException when it is not JSON or not a CDS Hooks order-select / order-sign request
     */
    public CdsHooksRequest read(String body) {
        try {
            return read(json.readTree(body));
        } catch (JsonProcessingException e) {
            throw invalid("$", "is not valid JSON" + location(e));
        }
    }

    /**
     * Reads a request from a stream of UTF-8 JSON; does not close it.
     *
     * @param in the stream
     * @return the request
     * @throws InvalidRequestException when it is not JSON or not a CDS Hooks order-select / order-sign request
     * @throws java.io.UncheckedIOException when the stream cannot be read
     */
    public CdsHooksRequest read(InputStream in) {
        try {
            return read(json.readTree(in));
        } catch (JsonProcessingException e) {
            throw invalid("$", "is not valid JSON" + location(e));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Reads a request from a JSON tree.
     *
     * @param root the request body
     * @return the request
     * @throws InvalidRequestException when it is not a CDS Hooks order-select / order-sign request
     */
    public CdsHooksRequest read(JsonNode root) {
        List<Violation> violations = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw invalid("$", "must be a JSON object (a CDS Hooks request)");
        }
        String hook = text(root, "hook", "hook", true, violations);
        if (hook != null && !HOOKS.contains(hook)) {
            violations.add(new Violation("hook", "must be order-select or order-sign"));
        }
        String hookInstance = text(root, "hookInstance", "hookInstance", true, violations);
        String fhirServer = text(root, "fhirServer", "fhirServer", false, violations);
        FhirAuthorization auth = authorization(root.get("fhirAuthorization"), violations);

        JsonNode context = root.get("context");
        String userId = null;
        String patientId = null;
        String encounterId = null;
        List<String> selections = List.of();
        Bundle draftOrders = null;
        if (context == null || context.isNull()) {
            violations.add(new Violation("context", "is required"));
        } else if (!context.isObject()) {
            violations.add(new Violation("context", "must be an object"));
        } else {
            userId = text(context, "userId", "context.userId", false, violations);
            patientId = text(context, "patientId", "context.patientId", false, violations);
            encounterId = text(context, "encounterId", "context.encounterId", false, violations);
            selections = selections(context.get("selections"), violations);
            JsonNode drafts = context.get("draftOrders");
            if (drafts == null || drafts.isNull()) {
                violations.add(new Violation("context.draftOrders", "is required (a Bundle of the draft orders)"));
            } else {
                Resource parsed = resource(drafts, "context.draftOrders", violations);
                if (parsed instanceof Bundle b) {
                    draftOrders = b;
                    keepSourceJson(b, drafts);
                } else if (parsed != null) {
                    violations.add(new Violation("context.draftOrders", "must be a Bundle, was a "
                            + parsed.fhirType()));
                }
            }
        }

        Map<String, Optional<Resource>> prefetch = new LinkedHashMap<>();
        JsonNode pre = root.get("prefetch");
        if (pre != null && !pre.isNull()) {
            if (!pre.isObject()) {
                violations.add(new Violation("prefetch", "must be an object"));
            } else {
                Iterator<Map.Entry<String, JsonNode>> fields = pre.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> e = fields.next();
                    String field = "prefetch." + e.getKey();
                    if (e.getValue().isNull()) {
                        prefetch.put(e.getKey(), Optional.empty());
                    } else {
                        Resource r = resource(e.getValue(), field, violations);
                        if (r != null) {
                            prefetch.put(e.getKey(), Optional.of(r));
                        }
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new CdsHooksRequest(hook, hookInstance, fhirServer, auth, userId, patientId, encounterId, selections,
                draftOrders, prefetch);
    }

    /** Each draft entry's resource remembers its JSON (entries are parsed in array order). */
    private static void keepSourceJson(Bundle bundle, JsonNode node) {
        JsonNode entries = node.path("entry");
        List<Bundle.BundleEntryComponent> parsed = bundle.getEntry();
        if (!entries.isArray() || entries.size() != parsed.size()) {
            return;
        }
        for (int i = 0; i < parsed.size(); i++) {
            JsonNode json = entries.get(i).path("resource");
            Resource r = parsed.get(i).getResource();
            if (r != null && json.isObject() && r.fhirType().equals(json.path("resourceType").asText())) {
                r.setUserData(Fhir.SOURCE_JSON, json);
            }
        }
    }

    private static Resource resource(JsonNode node, String field, List<Violation> violations) {
        if (!node.isObject() || !node.path("resourceType").isTextual()) {
            violations.add(new Violation(field, "must be a FHIR resource (an object with a resourceType)"));
            return null;
        }
        IBaseResource parsed;
        try {
            parsed = Fhir.parser().parseResource(node.toString());
        } catch (DataFormatException e) {
            violations.add(new Violation(field, "is not a FHIR R4 resource that HAPI FHIR can read"));
            return null;
        } catch (RuntimeException e) {
            violations.add(new Violation(field, "could not be read as FHIR R4 (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
        if (parsed instanceof Resource r) {
            return r;
        }
        violations.add(new Violation(field, "is not an R4 resource"));
        return null;
    }

    private static String text(JsonNode parent, String name, String field, boolean required,
                               List<Violation> violations) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return null;
        }
        if (!v.isTextual()) {
            violations.add(new Violation(field, "must be a string"));
            return null;
        }
        return v.textValue();
    }

    private static List<String> selections(JsonNode node, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            violations.add(new Violation("context.selections", "must be an array of strings"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                out.add(node.get(i).textValue());
            } else {
                violations.add(new Violation("context.selections[" + i + "]", "must be a string"));
            }
        }
        return out;
    }

    private static FhirAuthorization authorization(JsonNode node, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            violations.add(new Violation("fhirAuthorization", "must be an object"));
            return null;
        }
        String token = text(node, "access_token", "fhirAuthorization.access_token", true, violations);
        String type = text(node, "token_type", "fhirAuthorization.token_type", true, violations);
        String scope = text(node, "scope", "fhirAuthorization.scope", true, violations);
        String subject = text(node, "subject", "fhirAuthorization.subject", true, violations);
        String patient = text(node, "patient", "fhirAuthorization.patient", false, violations);
        Long expires = null;
        JsonNode e = node.get("expires_in");
        if (e != null && !e.isNull()) {
            if (e.canConvertToLong() && e.isIntegralNumber()) {
                expires = e.longValue();
            } else {
                violations.add(new Violation("fhirAuthorization.expires_in", "must be a whole number of seconds"));
            }
        }
        return new FhirAuthorization(token, type, expires, scope, subject, patient);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new Violation(field, message)));
    }
}
