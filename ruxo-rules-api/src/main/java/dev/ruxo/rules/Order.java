package dev.ruxo.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

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
        Coding indication,
        DiseaseSeverity severity,
        VitiligoType vitiligoType,
        BigDecimal bsaPercent,
        BigDecimal quantityGrams,
        Integer daysSupply,
        Integer applicationsPerDay,
        String route,
        Boolean occlusiveDressing,
        LocalDate therapyStartDate,
        PriorTopicalTherapy priorTopicalTherapy,
        String ndc) {

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

    /** Builds an {@link Order}; every setter accepts null to clear the value. */
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

        /** @param value the coded indication @return this builder */
        public Builder indication(Coding value) {
            this.indication = value;
            return this;
        }

        /** @param value disease severity @return this builder */
        public Builder severity(DiseaseSeverity value) {
            this.severity = value;
            return this;
        }

        /** @param value vitiligo subtype @return this builder */
        public Builder vitiligoType(VitiligoType value) {
            this.vitiligoType = value;
            return this;
        }

        /** @param value treated BSA in percent @return this builder */
        public Builder bsaPercent(BigDecimal value) {
            this.bsaPercent = value;
            return this;
        }

        /** @param value treated BSA in percent, given as text or a number such as {@code "12.5"} @return this builder */
        public Builder bsaPercent(String value) {
            return bsaPercent(value == null ? null : new BigDecimal(value));
        }

        /** @param value grams ordered @return this builder */
        public Builder quantityGrams(BigDecimal value) {
            this.quantityGrams = value;
            return this;
        }

        /** @param value grams ordered @return this builder */
        public Builder quantityGrams(long value) {
            return quantityGrams(BigDecimal.valueOf(value));
        }

        /** @param value days supply @return this builder */
        public Builder daysSupply(Integer value) {
            this.daysSupply = value;
            return this;
        }

        /** @param value applications a day @return this builder */
        public Builder applicationsPerDay(Integer value) {
            this.applicationsPerDay = value;
            return this;
        }

        /** @param value route word @return this builder */
        public Builder route(String value) {
            this.route = value;
            return this;
        }

        /** @param value occlusive dressing @return this builder */
        public Builder occlusiveDressing(Boolean value) {
            this.occlusiveDressing = value;
            return this;
        }

        /** @param value start of the current course @return this builder */
        public Builder therapyStartDate(LocalDate value) {
            this.therapyStartDate = value;
            return this;
        }

        /** @param value earlier topical therapy @return this builder */
        public Builder priorTopicalTherapy(PriorTopicalTherapy value) {
            this.priorTopicalTherapy = value;
            return this;
        }

        /** @param value package NDC @return this builder */
        public Builder ndc(String value) {
            this.ndc = value;
            return this;
        }

        /** @return the order */
        public Order build() {
            return new Order(indication, severity, vitiligoType, bsaPercent, quantityGrams, daysSupply,
                    applicationsPerDay, route, occlusiveDressing, therapyStartDate, priorTopicalTherapy, ndc);
        }
    }
}
