package dev.ruxo.rules.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * The prefetch a CDS Hooks service for the cream declares: its keys, the FHIR resource type behind each, and the
 * prefetch templates (FHIR queries with CDS Hooks tokens) a discovery response publishes.
 *
 * <p>The mapper does not depend on these key names: it finds resources by type wherever they sit. The keys matter to
 * the service, which fetches what the client did not prefetch or answers 412; {@link #missing(CdsHooksRequest)} says
 * which.
 *
 * @since 0.1.0
 */
public final class CdsHooksPrefetch {

    /** The patient in context. */
    public static final String PATIENT = "patient";
    /** Problem-list entries. */
    public static final String CONDITIONS = "conditions";
    /** Medication orders (co-medications, and earlier orders of the cream for the start of therapy). */
    public static final String MEDICATION_REQUESTS = "medicationRequests";
    /** What the patient reports taking. */
    public static final String MEDICATION_STATEMENTS = "medicationStatements";
    /** Earlier dispenses (refill too soon). */
    public static final String MEDICATION_DISPENSES = "medicationDispenses";
    /** Pregnancy, lactation and smoking status, and the treated body surface area fallback. */
    public static final String OBSERVATIONS = "observations";

    private static final Map<String, String> TYPES = new LinkedHashMap<>();
    private static final Map<String, String> TEMPLATES = new LinkedHashMap<>();

    static {
        String patient = "{{context.patientId}}";
        TYPES.put(PATIENT, "Patient");
        TEMPLATES.put(PATIENT, "Patient/" + patient);
        TYPES.put(CONDITIONS, "Condition");
        TEMPLATES.put(CONDITIONS, "Condition?patient=" + patient + "&clinical-status=active,recurrence,relapse");
        TYPES.put(MEDICATION_REQUESTS, "MedicationRequest");
        TEMPLATES.put(MEDICATION_REQUESTS, "MedicationRequest?patient=" + patient
                + "&status=active,on-hold,draft,unknown,completed&_include=MedicationRequest:medication");
        TYPES.put(MEDICATION_STATEMENTS, "MedicationStatement");
        TEMPLATES.put(MEDICATION_STATEMENTS, "MedicationStatement?patient=" + patient
                + "&status=active,on-hold,intended,unknown,completed&_include=MedicationStatement:medication");
        TYPES.put(MEDICATION_DISPENSES, "MedicationDispense");
        TEMPLATES.put(MEDICATION_DISPENSES, "MedicationDispense?patient=" + patient
                + "&status=completed,in-progress&_include=MedicationDispense:medication");
        TYPES.put(OBSERVATIONS, "Observation");
        TEMPLATES.put(OBSERVATIONS, "Observation?patient=" + patient + "&status=final,amended,corrected&code="
                + String.join(",", FhirCodes.observationCodeTokens()) + "&_sort=-date");
    }

    private CdsHooksPrefetch() {
    }

    /**
     * The prefetch templates, key to FHIR query, in a fixed order.
     *
     * @return an unmodifiable map
     */
    public static Map<String, String> templates() {
        return java.util.Collections.unmodifiableMap(TEMPLATES);
    }

    /**
     * The FHIR resource type each key holds.
     *
     * @return an unmodifiable map, key to resource type
     */
    public static Map<String, String> resourceTypes() {
        return java.util.Collections.unmodifiableMap(TYPES);
    }

    /**
     * The declared keys the request lacks: not sent at all (a JSON null counts as sent, meaning "no data"), and no
     * resource of the key's type sent anywhere else in the prefetch either. The service fetches these from the FHIR
     * server, or answers 412 when it cannot. A key whose value is an OperationOutcome, or a Bundle that holds only
     * OperationOutcome entries, is the client saying its own prefetch query failed: it counts as not sent (never as
     * "no data"), and such a value does not stand in for any other key either.
     *
     * @param request the request
     * @return missing keys, in declaration order; empty when everything is there
     */
    public static List<String> missing(CdsHooksRequest request) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : TYPES.entrySet()) {
            if (request.hasPrefetch(e.getKey())
                    && request.prefetch().get(e.getKey()).map(r -> !failedQuery(r)).orElse(true)) {
                continue;
            }
            boolean found = false;
            for (Resource r : request.prefetchedResources()) {
                if (holds(r, e.getValue())) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** An OperationOutcome, or a Bundle whose entries are all OperationOutcomes: the client's prefetch failed. */
    private static boolean failedQuery(Resource r) {
        if (r instanceof OperationOutcome) {
            return true;
        }
        if (r instanceof Bundle b && !b.getEntry().isEmpty()) {
            for (Bundle.BundleEntryComponent entry : b.getEntry()) {
                if (!(entry.getResource() instanceof OperationOutcome)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean holds(Resource r, String type) {
        if (r.fhirType().equals(type)) {
            return true;
        }
        if (r instanceof Bundle b) {
            for (Bundle.BundleEntryComponent entry : b.getEntry()) {
                if (entry.getResource() != null && holds(entry.getResource(), type)) {
                    return true;
                }
            }
            // a searchset Bundle of the right type with no entries is "no data": say so by its links
            if (b.getEntry().isEmpty()) {
                for (Bundle.BundleLinkComponent link : b.getLink()) {
                    String url = link.getUrl();
                    if (url != null && (url.contains("/" + type + "?") || url.startsWith(type + "?"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
