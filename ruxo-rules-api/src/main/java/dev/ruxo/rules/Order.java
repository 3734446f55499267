package dev.ruxo.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The order for the cream. Only {@code indication} is required; every other component is nullable and {@code null}
 * means "not recorded". Numbers are {@link BigDecimal} so that a limit such as 20.0 % is compared exactly, without
 * binary rounding.
 *
 * @param indication          the diagnosis the cream is ordered for
 * @param severity            disease severity; nullable
 * @param vitiligoType        vitiligo subtype; nullable
 * @param bsaPercent          treated body surface area in percent, 0 &lt; x &le; 100; nullable
 * @param quantityGrams       grams ordered, &gt; 0; nullable
 * @param daysSupply          days the quantity must last, &gt; 0; nullable
 * @param applicationsPerDay  applications a day; nullable, meaning the labelled 2
 * @param route               route word; nullable, meaning {@code topical}
 * @param occlusiveDressing   whether the cream goes under an occlusive dressing; nullable
 * @param therapyStartDate    start of the current continuous course; nullable
 * @param priorTopicalTherapy outcome of earlier topical prescription therapy; nullable
 * @param ndc                 package NDC, 10 digits with hyphens or 11 digits; nullable
 * @since 0.1.0
 */
public record Order(
        @Nullable Coding indication,
        @Nullable DiseaseSeverity severity,
        @Nullable VitiligoType vitiligoType,
        @Nullable BigDecimal bsaPercent,
        @Nullable BigDecimal quantityGrams,
        @Nullable Integer daysSupply,
        @Nullable Integer applicationsPerDay,
        @Nullable String route,
        @Nullable Boolean occlusiveDressing,
        @Nullable LocalDate therapyStartDate,
        @Nullable PriorTopicalTherapy priorTopicalTherapy,
        @Nullable String ndc) {

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this order's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().indication(indication).severity(severity).vitiligoType(vitiligoType)
                .bsaPercent(bsaPercent).quantityGrams(quantityGrams).daysSupply(daysSupply)
                .applicationsPerDay(applicationsPerDay).route(route).occlusiveDressing(occlusiveDressing)
                .therapyStartDate(therapyStartDate).priorTopicalTherapy(priorTopicalTherapy).ndc(ndc);
    }

    /**
     * Builds an {@link Order}; every setter accepts null to clear the value.
 *
 * <p>Every number has three setters: the component's own type (null clears it), {@code long}, and text such as
 * {@code "12.5"} (null clears it). Text that is no number, or a whole number too large for its field, throws an
 * {@link InvalidRequestException} naming the field.
     */
    public static final class Builder {
        private Coding indication;
        private DiseaseSeverity severity;
        private VitiligoType vitiligoType;
        private BigDecimal bsaPercent;
        private BigDecimal quantityGrams;
        private Integer daysSupply;
        private Integer applicationsPerDay;
        private String route;
        private Boolean occlusiveDressing;
        private LocalDate therapyStartDate;
        private PriorTopicalTherapy priorTopicalTherapy;
        private String ndc;

        private Builder() {
        }

        /**
         * Sets {@code indication}.
         *
         * @param value the coded indication
         * @return this builder
         */
        public Builder indication(@Nullable Coding value) {
            this.indication = value;
            return this;
        }

        /**
         * Sets {@code severity}.
         *
         * @param value disease severity
         * @return this builder
         */
        public Builder severity(@Nullable DiseaseSeverity value) {
            this.severity = value;
            return this;
        }

        /**
         * Sets {@code vitiligoType}.
         *
         * @param value vitiligo subtype
         * @return this builder
         */
        public Builder vitiligoType(@Nullable VitiligoType value) {
            this.vitiligoType = value;
            return this;
        }

        /**
         * Sets {@code bsaPercent}.
         *
         * @param value treated BSA in percent
         * @return this builder
         */
        public Builder bsaPercent(@Nullable BigDecimal value) {
            this.bsaPercent = value;
            return this;
        }

        /**
         * Sets {@code bsaPercent}.
         *
         * @param value treated BSA in percent, given as text such as {@code "12.5"}; null clears it
         * @return this builder
         * @throws InvalidRequestException when the text is no decimal number, such as {@code "12,5"}
         */
        public Builder bsaPercent(@Nullable String value) {
            return bsaPercent(BuilderNumbers.decimal("order.bsaPercent", value));
        }

        /**
         * Sets {@code bsaPercent}.
         *
         * @param value treated BSA in whole percent
         * @return this builder
         */
        public Builder bsaPercent(long value) {
            return bsaPercent(BigDecimal.valueOf(value));
        }

        /**
         * Sets {@code quantityGrams}.
         *
         * @param value grams ordered
         * @return this builder
         */
        public Builder quantityGrams(@Nullable BigDecimal value) {
            this.quantityGrams = value;
            return this;
        }

        /**
         * Sets {@code quantityGrams}.
         *
         * @param value grams ordered
         * @return this builder
         */
        public Builder quantityGrams(long value) {
            return quantityGrams(BigDecimal.valueOf(value));
        }

        /**
         * Sets {@code quantityGrams}.
         *
         * @param value grams ordered, given as text such as {@code "60"}; null clears it
         * @return this builder
         * @throws InvalidRequestException when the text is no decimal number
         */
        public Builder quantityGrams(@Nullable String value) {
            return quantityGrams(BuilderNumbers.decimal("order.quantityGrams", value));
        }

        /**
         * Sets {@code daysSupply}.
         *
         * @param value days supply
         * @return this builder
         */
        public Builder daysSupply(@Nullable Integer value) {
            this.daysSupply = value;
            return this;
        }

        /**
         * Sets {@code daysSupply}.
         *
         * @param value days supply
         * @return this builder
         * @throws InvalidRequestException when the value does not fit an {@code int}
         */
        public Builder daysSupply(long value) {
            return daysSupply(BuilderNumbers.whole("order.daysSupply", value));
        }

        /**
         * Sets {@code daysSupply}.
         *
         * @param value days supply, given as text such as {@code "7"}; null clears it
         * @return this builder
         * @throws InvalidRequestException when the text is no whole number that fits an {@code int}
         */
        public Builder daysSupply(@Nullable String value) {
            return daysSupply(BuilderNumbers.whole("order.daysSupply", value));
        }

        /**
         * Sets {@code applicationsPerDay}.
         *
         * @param value applications a day
         * @return this builder
         */
        public Builder applicationsPerDay(@Nullable Integer value) {
            this.applicationsPerDay = value;
            return this;
        }

        /**
         * Sets {@code applicationsPerDay}.
         *
         * @param value applications a day
         * @return this builder
         * @throws InvalidRequestException when the value does not fit an {@code int}
         */
        public Builder applicationsPerDay(long value) {
            return applicationsPerDay(BuilderNumbers.whole("order.applicationsPerDay", value));
        }

        /**
         * Sets {@code applicationsPerDay}.
         *
         * @param value applications a day, given as text such as {@code "7"}; null clears it
         * @return this builder
         * @throws InvalidRequestException when the text is no whole number that fits an {@code int}
         */
        public Builder applicationsPerDay(@Nullable String value) {
            return applicationsPerDay(BuilderNumbers.whole("order.applicationsPerDay", value));
        }

        /**
         * Sets {@code route}.
         *
         * @param value route word
         * @return this builder
         */
        public Builder route(@Nullable String value) {
            this.route = value;
            return this;
        }

        /**
         * Sets {@code occlusiveDressing}.
         *
         * @param value occlusive dressing
         * @return this builder
         */
        public Builder occlusiveDressing(@Nullable Boolean value) {
            this.occlusiveDressing = value;
            return this;
        }

        /**
         * Sets {@code therapyStartDate}.
         *
         * @param value start of the current course
         * @return this builder
         */
        public Builder therapyStartDate(@Nullable LocalDate value) {
            this.therapyStartDate = value;
            return this;
        }

        /**
         * Sets {@code priorTopicalTherapy}.
         *
         * @param value earlier topical therapy
         * @return this builder
         */
        public Builder priorTopicalTherapy(@Nullable PriorTopicalTherapy value) {
            this.priorTopicalTherapy = value;
            return this;
        }

        /**
         * Sets {@code ndc}.
         *
         * @param value package NDC
         * @return this builder
         */
        public Builder ndc(@Nullable String value) {
            this.ndc = value;
            return this;
        }

        /**
         * @return the order
         */
        public Order build() {
            return new Order(indication, severity, vitiligoType, bsaPercent, quantityGrams, daysSupply,
                    applicationsPerDay, route, occlusiveDressing, therapyStartDate, priorTopicalTherapy, ndc);
        }
    }
}
