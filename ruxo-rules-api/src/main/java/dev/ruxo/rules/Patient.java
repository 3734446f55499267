package dev.ruxo.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The patient the cream is ordered for. Either {@code birthDate} or {@code ageYears} is required; when both are given,
 * the birth date wins. Boolean flags are nullable: {@code null} means unknown.
 *
 * @param birthDate         date of birth; nullable
 * @param ageYears          age in whole years, used only when there is no birth date; nullable
 * @param sex               nullable
 * @param pregnant          nullable
 * @param breastfeeding     nullable
 * @param immunocompromised the clinician's attestation; nullable
 * @param smokingStatus     nullable
 * @param conditions        active problems, coded; never null (null becomes empty)
 * @since 0.1.0
 */
public record Patient(
        @Nullable LocalDate birthDate,
        @Nullable Integer ageYears,
        @Nullable Sex sex,
        @Nullable Boolean pregnant,
        @Nullable Boolean breastfeeding,
        @Nullable Boolean immunocompromised,
        @Nullable SmokingStatus smokingStatus,
        List<Coding> conditions) {

    /**
     * Copies the condition list so the record stays immutable.
     *
     * @param birthDate date of birth; nullable
     * @param ageYears age in whole years, used only when there is no birth date; nullable
     * @param sex nullable
     * @param pregnant nullable
     * @param breastfeeding nullable
     * @param immunocompromised the clinician's attestation; nullable
     * @param smokingStatus nullable
     * @param conditions active problems, coded; never null (null becomes empty)
     */
    public Patient {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
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
     * A builder holding this patient's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.birthDate = birthDate;
        b.ageYears = ageYears;
        b.sex = sex;
        b.pregnant = pregnant;
        b.breastfeeding = breastfeeding;
        b.immunocompromised = immunocompromised;
        b.smokingStatus = smokingStatus;
        b.conditions.addAll(conditions);
        return b;
    }

    /**
     * Builds a {@link Patient}; every setter accepts null to clear the value. {@code ageYears} has three setters, as
     * every number in {@link Order.Builder} does: {@code Integer}, {@code long} and text.
     */
    public static final class Builder {
        private LocalDate birthDate;
        private Integer ageYears;
        private Sex sex;
        private Boolean pregnant;
        private Boolean breastfeeding;
        private Boolean immunocompromised;
        private SmokingStatus smokingStatus;
        private final List<Coding> conditions = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets {@code birthDate}.
         *
         * @param value date of birth
         * @return this builder
         */
        public Builder birthDate(@Nullable LocalDate value) {
            this.birthDate = value;
            return this;
        }

        /**
         * Sets {@code ageYears}.
         *
         * @param value age in whole years
         * @return this builder
         */
        public Builder ageYears(@Nullable Integer value) {
            this.ageYears = value;
            return this;
        }

        /**
         * Sets {@code ageYears}.
         *
         * @param value age in whole years
         * @return this builder
         * @throws InvalidRequestException when the value does not fit an {@code int}
         */
        public Builder ageYears(long value) {
            return ageYears(BuilderNumbers.whole("patient.ageYears", value));
        }

        /**
         * Sets {@code ageYears}.
         *
         * @param value age in whole years, given as text such as {@code "14"}; null clears it
         * @return this builder
         * @throws InvalidRequestException when the text is no whole number that fits an {@code int}
         */
        public Builder ageYears(@Nullable String value) {
            return ageYears(BuilderNumbers.whole("patient.ageYears", value));
        }

        /**
         * Sets {@code sex}.
         *
         * @param value sex
         * @return this builder
         */
        public Builder sex(@Nullable Sex value) {
            this.sex = value;
            return this;
        }

        /**
         * Sets {@code pregnant}.
         *
         * @param value whether the patient is pregnant
         * @return this builder
         */
        public Builder pregnant(@Nullable Boolean value) {
            this.pregnant = value;
            return this;
        }

        /**
         * Sets {@code breastfeeding}.
         *
         * @param value whether the patient is breastfeeding
         * @return this builder
         */
        public Builder breastfeeding(@Nullable Boolean value) {
            this.breastfeeding = value;
            return this;
        }

        /**
         * Sets {@code immunocompromised}.
         *
         * @param value the immunocompromised attestation
         * @return this builder
         */
        public Builder immunocompromised(@Nullable Boolean value) {
            this.immunocompromised = value;
            return this;
        }

        /**
         * Sets {@code smokingStatus}.
         *
         * @param value smoking status
         * @return this builder
         */
        public Builder smokingStatus(@Nullable SmokingStatus value) {
            this.smokingStatus = value;
            return this;
        }

        /**
         * Adds an active problem.
         *
         * @param condition the coded problem
         * @return this builder
         */
        public Builder addCondition(Coding condition) {
            conditions.add(Objects.requireNonNull(condition, "condition must not be null"));
            return this;
        }

        /**
         * Replaces the active problems.
         *
         * @param values the coded problems
         * @return this builder
         */
        public Builder conditions(List<Coding> values) {
            conditions.clear();
            values.forEach(this::addCondition);
            return this;
        }

        /**
         * @return the patient
         */
        public Patient build() {
            return new Patient(birthDate, ageYears, sex, pregnant, breastfeeding, immunocompromised, smokingStatus,
                    conditions);
        }
    }
}
