package dev.ruxo.rules.fhir;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Medication;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.MedicationRequest;

/**
 * What {@link FhirCheckMapper} made of the FHIR input: a request to check, nothing to check, or a check that cannot
 * run because data it needs is missing.
 *
 * @param status        which of the three
 * @param request       the request to check; present only when {@link Status#CHECKABLE}
 * @param draftOrders   every draft MedicationRequest of the draft-orders Bundle, in Bundle order
 * @param missing       what a check cannot run without, such as {@code Patient} or
 *                      {@code MedicationRequest/abc: reasonCode}; non-empty only when {@link Status#INCOMPLETE}
 * @param notes         data that was present but could not be used, each naming the resource and element (such as an
 *                      earlier dispense without a days supply); shown as an info card
 * @param resourcesRead FHIR resources read (Bundles not counted, contained resources counted)
 * @param resourcesUsed of those, the ones that contributed to the request
 * @since 0.1.0
 */
public record FhirMapping(
        Status status,
        CheckRequest request,
        List<DraftOrder> draftOrders,
        List<String> missing,
        List<String> notes,
        int resourcesRead,
        int resourcesUsed) {

    /** The outcome of a mapping. */
    public enum Status {
        /** A request was built; check it. */
        CHECKABLE,
        /** The draft orders hold no order for the cream: nothing to check, not an error. */
        NOTHING_TO_CHECK,
        /** There is a cream order, but the check cannot run: see {@link #missing()}. */
        INCOMPLETE
    }

    /**
     * One draft order of the Bundle.
     *
     * @param reference  how it is named in errors and in card actions, such as {@code MedicationRequest/abc}
     * @param resource   the draft MedicationRequest as it was sent
     * @param cream      whether it is the order for the cream that is checked
     * @param medication the co-medication it became; null for the checked cream order
     */
    public record DraftOrder(String reference, MedicationRequest resource, boolean cream, Medication medication) {
        /**
         * Checks the components.
         *
         * @param reference  how it is named in errors and in card actions, such as {@code MedicationRequest/abc}
         * @param resource   the draft MedicationRequest as it was sent
         * @param cream      whether it is the order for the cream that is checked
         * @param medication the co-medication it became; null for the checked cream order
         */
        public DraftOrder {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(resource, "resource");
        }
    }

    /**
     * Copies the lists and checks that the components agree with the status.
     *
     * @param status the status
     * @param request the request
     * @param draftOrders the draft orders
     * @param missing the missing
     * @param notes the notes
     * @param resourcesRead the resources read
     * @param resourcesUsed the resources used
     */
    public FhirMapping {
        Objects.requireNonNull(status, "status");
        draftOrders = List.copyOf(draftOrders);
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
        if ((status == Status.CHECKABLE) != (request != null)) {
            throw new IllegalArgumentException("a request goes with CHECKABLE, and only with it");
        }
        if ((status == Status.INCOMPLETE) != !missing.isEmpty()) {
            throw new IllegalArgumentException("missing data goes with INCOMPLETE, and only with it");
        }
    }

    /**
     * The request, when there is one to check.
     *
     * @return the request, empty unless {@link Status#CHECKABLE}
     */
    public Optional<CheckRequest> checkRequest() {
        return Optional.ofNullable(request);
    }

    /**
     * The draft order for the cream that is checked.
     *
     * @return the order, empty when {@link Status#NOTHING_TO_CHECK}
     */
    public Optional<DraftOrder> creamOrder() {
        return draftOrders.stream().filter(DraftOrder::cream).findFirst();
    }
}
