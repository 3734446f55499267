package dev.ruxo.rules.testkit;

import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.Coding;
import dev.ruxo.rules.DiseaseSeverity;
import dev.ruxo.rules.Dispense;
import dev.ruxo.rules.Medication;
import dev.ruxo.rules.MedicationStatus;
import dev.ruxo.rules.Order;
import dev.ruxo.rules.Patient;
import dev.ruxo.rules.PriorTopicalTherapy;
import dev.ruxo.rules.RequestValidation;
import dev.ruxo.rules.Sex;
import dev.ruxo.rules.SmokingStatus;
import dev.ruxo.rules.VitiligoType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Valid check requests with sensible defaults, so a test states only what matters to it.
 *
 * <pre>{@code
 * CheckRequest request = CheckRequests.adultAtopicDermatitis().bsa("25").build();
 * }</pre>
 *
 * <p>Every starting point is on label and produces no finding above INFO: a 30-year-old, a moderate disease after
 * inadequate topical therapy, 10 % BSA, one 60 g tube for 7 days, topical, twice daily, evaluated on
 * {@link #DEFAULT_AS_OF}.
 *
 * @since 0.1.0
 */
public final class CheckRequests {

    /** The evaluation date every request starts with. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 22);

    /** ICD-10-CM L20.9, atopic dermatitis, unspecified. */
    public static final Coding ATOPIC_DERMATITIS = Coding.icd10cm("L20.9", "Atopic dermatitis, unspecified");
    /** ICD-10-CM L80, vitiligo. */
    public static final Coding VITILIGO = Coding.icd10cm("L80", "Vitiligo");
    /** ICD-10-CM L63.9, alopecia areata: not an approved indication. */
    public static final Coding ALOPECIA_AREATA = Coding.icd10cm("L63.9", "Alopecia areata, unspecified");

    private CheckRequests() {
    }

    /**
     * A 30-year-old with moderate atopic dermatitis, on label.
     *
     * @return a builder
     */
    public static Builder adultAtopicDermatitis() {
        return new Builder().indication(ATOPIC_DERMATITIS).severity(DiseaseSeverity.MODERATE)
                .priorTopicalTherapy(PriorTopicalTherapy.INADEQUATE);
    }

    /**
     * A child of {@code ageYears} with moderate atopic dermatitis, 30 g for 14 days.
     *
     * @param ageYears the age on the evaluation date
     * @return a builder
     */
    public static Builder childAtopicDermatitis(int ageYears) {
        return adultAtopicDermatitis().age(ageYears).grams(30).days(14);
    }

    /**
     * A 30-year-old with nonsegmental vitiligo on 5 % BSA, on label.
     *
     * @return a builder
     */
    public static Builder adultVitiligo() {
        return new Builder().indication(VITILIGO).vitiligoType(VitiligoType.NONSEGMENTAL).bsa("5");
    }

    /** A mutable, fluent request under construction. Not thread safe. */
    public static final class Builder {
        private LocalDate asOf = DEFAULT_AS_OF;
        private Integer age = 30;
        private LocalDate birthDate;
        private final Patient.Builder patient = Patient.builder().sex(Sex.FEMALE).pregnant(false)
                .breastfeeding(false).immunocompromised(false).smokingStatus(SmokingStatus.NEVER);
        private final Order.Builder order = Order.builder().bsaPercent("10").quantityGrams(60).daysSupply(7)
                .applicationsPerDay(2).route("topical").occlusiveDressing(false);
        private final List<Medication> medications = new ArrayList<>();
        private final List<Dispense> dispenses = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets {@code asOf}.
         *
         * @param value the evaluation date
         * @return this builder
         */
        public Builder asOf(LocalDate value) {
            this.asOf = value;
            return this;
        }

        /**
         * The age on the evaluation date, as a birth date exactly {@code years} years earlier (the birthday itself).
         *
         * @param years whole years
         * @return this builder
         */
        public Builder age(int years) {
            this.age = years;
            this.birthDate = null;
            return this;
        }

        /**
         * Sets {@code birthDate}.
         *
         * @param value the birth date, which then wins over {@link #age(int)}
         * @return this builder
         */
        public Builder birthDate(LocalDate value) {
            this.birthDate = value;
            this.age = null;
            return this;
        }

        /**
         * The age given as {@code ageYears} with no birth date, as an EHR without a birth date would send it.
         *
         * @param years whole years
         * @return this builder
         */
        public Builder ageYearsOnly(int years) {
            this.birthDate = null;
            this.age = null;
            patient.ageYears(years);
            return this;
        }

        /**
         * Sets {@code indication}.
         *
         * @param value the indication
         * @return this builder
         */
        public Builder indication(Coding value) {
            order.indication(value);
            return this;
        }

        /**
         * Sets {@code severity}.
         *
         * @param value disease severity; null clears it
         * @return this builder
         */
        public Builder severity(DiseaseSeverity value) {
            order.severity(value);
            return this;
        }

        /**
         * Sets {@code vitiligoType}.
         *
         * @param value vitiligo subtype; null clears it
         * @return this builder
         */
        public Builder vitiligoType(VitiligoType value) {
            order.vitiligoType(value);
            return this;
        }

        /**
         * Sets {@code bsa}.
         *
         * @param percent treated BSA, such as {@code "20.1"}; null clears it
         * @return this builder
         */
        public Builder bsa(String percent) {
            order.bsaPercent(percent);
            return this;
        }

        /**
         * Sets {@code bsa}.
         *
         * @param percent treated BSA; null clears it
         * @return this builder
         */
        public Builder bsa(BigDecimal percent) {
            order.bsaPercent(percent);
            return this;
        }

        /**
         * Sets {@code grams}.
         *
         * @param grams grams ordered
         * @return this builder
         */
        public Builder grams(long grams) {
            order.quantityGrams(grams);
            return this;
        }

        /**
         * Sets {@code grams}.
         *
         * @param grams grams ordered; null clears it
         * @return this builder
         */
        public Builder grams(BigDecimal grams) {
            order.quantityGrams(grams);
            return this;
        }

        /**
         * Sets {@code days}.
         *
         * @param days days supply; null clears it
         * @return this builder
         */
        public Builder days(Integer days) {
            order.daysSupply(days);
            return this;
        }

        /**
         * Sets {@code applicationsPerDay}.
         *
         * @param value applications a day; null clears it
         * @return this builder
         */
        public Builder applicationsPerDay(Integer value) {
            order.applicationsPerDay(value);
            return this;
        }

        /**
         * Sets {@code route}.
         *
         * @param value route word; null clears it
         * @return this builder
         */
        public Builder route(String value) {
            order.route(value);
            return this;
        }

        /**
         * Sets {@code occlusiveDressing}.
         *
         * @param value occlusive dressing
         * @return this builder
         */
        public Builder occlusiveDressing(Boolean value) {
            order.occlusiveDressing(value);
            return this;
        }

        /**
         * Sets {@code therapyStartDate}.
         *
         * @param value start of the continuous course
         * @return this builder
         */
        public Builder therapyStartDate(LocalDate value) {
            order.therapyStartDate(value);
            return this;
        }

        /**
         * A continuous course that started {@code days} days before the evaluation date.
         *
         * @param days days of treatment so far
         * @return this builder
         */
        public Builder treatedForDays(int days) {
            order.therapyStartDate(asOf.minusDays(days));
            return this;
        }

        /**
         * Sets {@code priorTopicalTherapy}.
         *
         * @param value earlier topical therapy; null clears it
         * @return this builder
         */
        public Builder priorTopicalTherapy(PriorTopicalTherapy value) {
            order.priorTopicalTherapy(value);
            return this;
        }

        /**
         * Sets {@code ndc}.
         *
         * @param value package NDC
         * @return this builder
         */
        public Builder ndc(String value) {
            order.ndc(value);
            return this;
        }

        /**
         * Sets {@code sex}.
         *
         * @param value sex
         * @return this builder
         */
        public Builder sex(Sex value) {
            patient.sex(value);
            return this;
        }

        /**
         * Sets {@code pregnant}.
         *
         * @param value pregnant
         * @return this builder
         */
        public Builder pregnant(Boolean value) {
            patient.pregnant(value);
            return this;
        }

        /**
         * Sets {@code breastfeeding}.
         *
         * @param value breastfeeding
         * @return this builder
         */
        public Builder breastfeeding(Boolean value) {
            patient.breastfeeding(value);
            return this;
        }

        /**
         * Sets {@code immunocompromised}.
         *
         * @param value the immunocompromised attestation
         * @return this builder
         */
        public Builder immunocompromised(Boolean value) {
            patient.immunocompromised(value);
            return this;
        }

        /**
         * Sets {@code smoking}.
         *
         * @param value smoking status
         * @return this builder
         */
        public Builder smoking(SmokingStatus value) {
            patient.smokingStatus(value);
            return this;
        }

        /**
         * Adds an active problem coded in ICD-10-CM.
         *
         * @param code    such as {@code I10}
         * @param display the text
         * @return this builder
         */
        public Builder condition(String code, String display) {
            patient.addCondition(Coding.icd10cm(code, display));
            return this;
        }

        /**
         * Sets {@code condition}.
         *
         * @param value an active problem
         * @return this builder
         */
        public Builder condition(Coding value) {
            patient.addCondition(value);
            return this;
        }

        /**
         * Sets {@code medication}.
         *
         * @param value a co-medication
         * @return this builder
         */
        public Builder medication(Medication value) {
            medications.add(Objects.requireNonNull(value, "medication must not be null"));
            return this;
        }

        /**
         * Adds an active co-medication known by its text.
         *
         * @param display the text, such as {@code "tofacitinib 5 mg tablet"}
         * @param route   route word; nullable
         * @return this builder
         */
        public Builder medication(String display, String route) {
            return medication(Medication.named(display, route));
        }

        /**
         * Adds a co-medication that was stopped.
         *
         * @param display the text
         * @param route   route word; nullable
         * @return this builder
         */
        public Builder stoppedMedication(String display, String route) {
            return medication(Medication.named(display, route).withStatus(MedicationStatus.STOPPED));
        }

        /**
         * Adds an earlier dispense of the cream.
         *
         * @param daysAgo    days before the evaluation date
         * @param grams      grams dispensed
         * @param daysSupply its days supply
         * @return this builder
         */
        public Builder dispensed(int daysAgo, long grams, int daysSupply) {
            dispenses.add(Dispense.of(asOf.minusDays(daysAgo), grams, daysSupply));
            return this;
        }

        /**
         * Direct access to the patient builder for anything this builder does not name.
         *
         * @param change a change to the patient
         * @return this builder
         */
        public Builder patient(UnaryOperator<Patient.Builder> change) {
            Objects.requireNonNull(change.apply(patient), "the change must return the builder");
            return this;
        }

        /**
         * Direct access to the order builder for anything this builder does not name.
         *
         * @param change a change to the order
         * @return this builder
         */
        public Builder order(UnaryOperator<Order.Builder> change) {
            Objects.requireNonNull(change.apply(order), "the change must return the builder");
            return this;
        }

        /**
         * Builds and validates the request.
         *
         * @return the request
         * @throws dev.ruxo.rules.InvalidRequestException when the values make it invalid
         */
        public CheckRequest build() {
            CheckRequest request = buildUnchecked();
            RequestValidation.requireValid(request, asOf);
            return request;
        }

        /**
         * The request without validation, for tests of the validation itself.
         *
         * @return the request, valid or not
         */
        public CheckRequest buildUnchecked() {
            patient.birthDate(age != null ? asOf.minusYears(age) : birthDate);
            return new CheckRequest(asOf, patient.build(), order.build(), medications, dispenses);
        }
    }
}
