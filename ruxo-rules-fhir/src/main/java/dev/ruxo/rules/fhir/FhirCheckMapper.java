package dev.ruxo.rules.fhir;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.InvalidRequestException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Maps what a CDS Hooks {@code order-select} or {@code order-sign} call carries, HAPI FHIR R4 resources, to a
 * {@link CheckRequest}. Thread safe and without state between calls: share one mapper.
 *
 * <pre>{@code
 * FhirCheckMapper mapper = FhirCheckMapper.create();
 * FhirMapping mapping = mapper.map(draftOrders, List.of(patient, conditions, observations));
 * mapping.checkRequest().ifPresent(request -> engine.check(request));
 * }</pre>
 *
 * <p>Resources are found by their type wherever they sit: in any prefetch value, as a Bundle (nested Bundles too)
 * or a single resource, and Medications also in the draft-orders Bundle or contained in the resource that names them.
 * Missing data is never an error: the knowledge base reports what it could not check. A value present but impossible
 * to map (a quantity in mL, a date that is not one) is: {@link #map(CdsHooksRequest)} then throws an
 * {@link InvalidRequestException} listing every such value, each violation naming the resource
 * ({@code MedicationRequest/abc}) and, in its message, the element's FHIRPath
 * ({@code dispenseRequest.quantity.unit 'mL' is not a mass}). It throws nothing else for any shape FHIR R4 allows.
 *
 * <p>docs/fhir.md has the mapping table.
 *
 * @since 0.1.0
 */
public final class FhirCheckMapper {

    /** Default for {@link Builder#courseGapDays(int)}. */
    public static final int DEFAULT_COURSE_GAP_DAYS = 60;

    private final LocalDate asOf;
    private final Set<String> creamRxNormCodes;
    private final int courseGapDays;

    private FhirCheckMapper(Builder b) {
        this.asOf = b.asOf;
        this.creamRxNormCodes = Set.copyOf(b.creamRxNormCodes);
        this.courseGapDays = b.courseGapDays;
    }

    /**
     * A mapper with the defaults: the engine's today as the evaluation date, the cream recognised by NDC, by name, and
     * by the RxNorm ingredient with a topical form.
     *
     * @return a new mapper
     */
    public static FhirCheckMapper create() {
        return builder().build();
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Maps a CDS Hooks request: the draft orders and every prefetched resource.
     *
     * @param request the request
     * @return the mapping
     * @throws InvalidRequestException listing every value that cannot be mapped
     * @throws NullPointerException    when {@code request} is null
     */
    public FhirMapping map(CdsHooksRequest request) {
        Objects.requireNonNull(request, "request");
        return new Mapping(this, request.draftOrders(), request.prefetchedResources(), request.patientId()).run();
    }

    /**
     * Maps draft orders and the patient's record, given as HAPI objects.
     *
     * @param draftOrders the draft orders, a Bundle of MedicationRequests; nullable (nothing to check)
     * @param record      the patient's resources: single resources or Bundles of them, in any order; nullable
     * @return the mapping
     * @throws InvalidRequestException listing every value that cannot be mapped
     */
    public FhirMapping map(Bundle draftOrders, Collection<? extends IBaseResource> record) {
        return new Mapping(this, draftOrders, record == null ? List.of() : List.copyOf(record), null).run();
    }

    LocalDate asOf() {
        return asOf;
    }

    Set<String> creamRxNormCodes() {
        return creamRxNormCodes;
    }

    int courseGapDays() {
        return courseGapDays;
    }

    /** Builds a {@link FhirCheckMapper}. */
    public static final class Builder {
        private LocalDate asOf;
        private final Set<String> creamRxNormCodes = new LinkedHashSet<>();
        private int courseGapDays = DEFAULT_COURSE_GAP_DAYS;

        private Builder() {
        }

        /**
         * The evaluation date the requests carry, and the day the mapper counts to; null (the default) leaves it to
         * the engine's today.
         *
         * @param value the date; nullable
         * @return this builder
         */
        public Builder asOf(LocalDate value) {
            this.asOf = value;
            return this;
        }

        /**
         * Adds an RxNorm code (a clinical or branded drug of the cream, as your drug database codes it) that names the
         * cream by itself. None is built in: the cream's SCD and SBD codes are not verified.
         *
         * @param rxcui the RxNorm code
         * @return this builder
         */
        public Builder addCreamRxNormCode(String rxcui) {
            creamRxNormCodes.add(Objects.requireNonNull(rxcui, "rxcui"));
            return this;
        }

        /**
         * Days without a record of the cream (order, statement or dispense) that end a course: the therapy start is
         * the earliest record reached from today without a larger gap. Default
         * {@value FhirCheckMapper#DEFAULT_COURSE_GAP_DAYS}.
         *
         * @param days at least 1
         * @return this builder
         */
        public Builder courseGapDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("courseGapDays must be at least 1, was " + days);
            }
            this.courseGapDays = days;
            return this;
        }

        /** @return the mapper */
        public FhirCheckMapper build() {
            return new FhirCheckMapper(this);
        }
    }
}
