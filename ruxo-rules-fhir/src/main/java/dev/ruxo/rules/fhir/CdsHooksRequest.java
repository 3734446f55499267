package dev.ruxo.rules.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A CDS Hooks request for {@code order-select} or {@code order-sign}, its FHIR content parsed into HAPI FHIR R4
 * objects. Read one with {@link CdsHooksReader}, or build one from objects you already hold.
 *
 * <p>The prefetch map keeps the three shapes the CDS Hooks specification allows apart: a key that is not in the map was
 * not prefetched (the service must fetch it or answer 412); a key mapped to {@link Optional#empty()} was sent as JSON
 * {@code null} (the client found no data); otherwise the value is a Bundle or a single resource.
 *
 * <p>The HAPI objects are mutable; the mapper never changes them.
 *
 * @param hook              the hook, such as {@code order-sign}
 * @param hookInstance      the UUID of this hook call
 * @param fhirServer        the FHIR server's base URL; nullable
 * @param fhirAuthorization the access token for the FHIR server; nullable
 * @param userId            {@code context.userId}; nullable
 * @param patientId         {@code context.patientId}; nullable
 * @param encounterId       {@code context.encounterId}; nullable
 * @param selections        {@code context.selections} ({@code order-select}); never null
 * @param draftOrders       {@code context.draftOrders}, a Bundle of draft orders; nullable
 * @param prefetch          prefetch key to value; never null (null becomes empty), see above
 * @since 0.1.0
 */
public record CdsHooksRequest(
        String hook,
        String hookInstance,
        String fhirServer,
        FhirAuthorization fhirAuthorization,
        String userId,
        String patientId,
        String encounterId,
        List<String> selections,
        Bundle draftOrders,
        Map<String, Optional<Resource>> prefetch) {

    /**
     * Copies the collections so the record's own structure stays immutable.
     *
     * @param hook              the hook, such as {@code order-sign}
     * @param hookInstance      the UUID of this hook call
     * @param fhirServer        the FHIR server's base URL; nullable
     * @param fhirAuthorization the access token for the FHIR server; nullable
     * @param userId            {@code context.userId}; nullable
     * @param patientId         {@code context.patientId}; nullable
     * @param encounterId       {@code context.encounterId}; nullable
     * @param selections        {@code context.selections} ({@code order-select}); never null
     * @param draftOrders       {@code context.draftOrders}, a Bundle of draft orders; nullable
     * @param prefetch          prefetch key to value; never null (null becomes empty), see above
     */
    public CdsHooksRequest {
        selections = selections == null ? List.of() : List.copyOf(selections);
        Map<String, Optional<Resource>> copy = new LinkedHashMap<>();
        if (prefetch != null) {
            prefetch.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "prefetch key"), v == null ? Optional.empty() : v));
        }
        prefetch = Collections.unmodifiableMap(copy);
    }

    /**
     * A request with only draft orders and prefetched resources, for a Java caller that holds HAPI objects.
     *
     * @param hook        the hook
     * @param draftOrders the draft orders
     * @param prefetch    prefetch key to value
     * @return the request
     */
    public static CdsHooksRequest of(String hook, Bundle draftOrders, Map<String, Optional<Resource>> prefetch) {
        return new CdsHooksRequest(hook, null, null, null, null, null, null, List.of(), draftOrders, prefetch);
    }

    /**
     * Whether prefetch {@code key} was sent at all (a JSON null counts as sent).
     *
     * @param key the prefetch key
     * @return true when the key is present
     */
    public boolean hasPrefetch(String key) {
        return prefetch.containsKey(key);
    }

    /**
     * Every prefetched resource that is present, Bundles as they were sent, in key order.
     *
     * @return the resources
     */
    public List<Resource> prefetchedResources() {
        List<Resource> out = new ArrayList<>();
        prefetch.values().forEach(v -> v.ifPresent(out::add));
        return out;
    }

    /**
     * The fields, without resource content and without the access token.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "CdsHooksRequest[hook=" + hook + ", hookInstance=" + hookInstance + ", fhirServer=" + fhirServer
                + ", draftOrders=" + (draftOrders == null ? "none" : draftOrders.getEntry().size() + " entries")
                + ", prefetch=" + prefetch.keySet() + "]";
    }
}
