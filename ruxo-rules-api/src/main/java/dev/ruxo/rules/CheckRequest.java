package dev.ruxo.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to check one order for the cream: the patient, the order, co-medications and earlier dispenses.
 *
 * <p>The record holds whatever it is given, so that a request read from JSON can be reported with every violation at
 * once; {@link CheckEngine#check(CheckRequest)} validates it (see {@link RequestValidation}) and rejects it with an
 * {@link InvalidRequestException} before assessing anything. {@link Builder#build()} validates too.
 *
 * @param asOf        the evaluation date; nullable, meaning the engine's today. Ages and windows count to it
 * @param patient     the patient; required
 * @param order       the order; required
 * @param medications co-medications; never null (null becomes empty)
 * @param dispenses   earlier dispenses of the cream; never null (null becomes empty)
 * @param unknownFields fields of the JSON document this request was read from that the wire format does not know;
 *                    the engine reports them in one DATA finding. Empty for requests built in Java; never null
 * @since 0.1.0
 */
public record CheckRequest(
        @Nullable LocalDate asOf,
        @Nullable Patient patient,
        @Nullable Order order,
        List<Medication> medications,
        List<Dispense> dispenses,
        List<UnknownField> unknownFields) {

    /**
     * Copies the lists so the record stays immutable.
     *
     * @param asOf the evaluation date; nullable, meaning the engine's today. Ages and windows count to it
     * @param patient the patient; required
     * @param order the order; required
     * @param medications co-medications; never null (null becomes empty)
     * @param dispenses earlier dispenses of the cream; never null (null becomes empty)
     * @param unknownFields fields of the JSON document this request was read from that the wire format does not know;
     *                    the engine reports them in one DATA finding. Empty for requests built in Java; never null
     */
    public CheckRequest {
        medications = medications == null ? List.of() : List.copyOf(medications);
        dispenses = dispenses == null ? List.of() : List.copyOf(dispenses);
        unknownFields = unknownFields == null ? List.of() : List.copyOf(unknownFields);
    }

    /**
     * A request without unknown fields, as built in Java.
     *
     * @param asOf        the evaluation date; nullable
     * @param patient     the patient
     * @param order       the order
     * @param medications co-medications; null becomes empty
     * @param dispenses   earlier dispenses; null becomes empty
     */
    public CheckRequest(LocalDate asOf, Patient patient, Order order, List<Medication> medications,
                        List<Dispense> dispenses) {
        this(asOf, patient, order, medications, dispenses, List.of());
    }


    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().asOf(asOf).patient(patient).order(order);
        b.medications.addAll(medications);
        b.dispenses.addAll(dispenses);
        b.unknownFields = unknownFields;
        return b;
    }

    /** Builds a {@link CheckRequest}; {@link #build()} validates the whole request. */
    public static final class Builder {
        private LocalDate asOf;
        private Patient patient;
        private Order order;
        private final List<Medication> medications = new ArrayList<>();
        private final List<Dispense> dispenses = new ArrayList<>();
        private List<UnknownField> unknownFields = List.of();

        private Builder() {
        }

        /**
         * Sets {@code asOf}.
         *
         * @param value the evaluation date, null for today
         * @return this builder
         */
        public Builder asOf(@Nullable LocalDate value) {
            this.asOf = value;
            return this;
        }

        /**
         * Sets {@code patient}.
         *
         * @param value the patient
         * @return this builder
         */
        public Builder patient(@Nullable Patient value) {
            this.patient = value;
            return this;
        }

        /**
         * Sets {@code order}.
         *
         * @param value the order
         * @return this builder
         */
        public Builder order(@Nullable Order value) {
            this.order = value;
            return this;
        }

        /**
         * Adds a co-medication.
         *
         * @param value the medication
         * @return this builder
         */
        public Builder addMedication(Medication value) {
            medications.add(Objects.requireNonNull(value, "medication must not be null"));
            return this;
        }

        /**
         * Replaces the co-medications.
         *
         * @param values the medications
         * @return this builder
         */
        public Builder medications(List<Medication> values) {
            medications.clear();
            values.forEach(this::addMedication);
            return this;
        }

        /**
         * Adds an earlier dispense.
         *
         * @param value the dispense
         * @return this builder
         */
        public Builder addDispense(Dispense value) {
            dispenses.add(Objects.requireNonNull(value, "dispense must not be null"));
            return this;
        }

        /**
         * Replaces the earlier dispenses.
         *
         * @param values the dispenses
         * @return this builder
         */
        public Builder dispenses(List<Dispense> values) {
            dispenses.clear();
            values.forEach(this::addDispense);
            return this;
        }

        /**
         * Builds and validates the request. Without {@code asOf}, the checks that need an evaluation date (a birth
         * date after it) are left to {@link CheckEngine#check(CheckRequest)}, which counts to its own clock's today:
         * the builder never reads the JVM's clock, so it cannot disagree with an engine given another one.
         *
         * @return the request
         * @throws InvalidRequestException listing every violation
         */
        public CheckRequest build() {
            CheckRequest request = new CheckRequest(asOf, patient, order, medications, dispenses, unknownFields);
            RequestValidation.requireValid(request, asOf);
            return request;
        }
    }
}
