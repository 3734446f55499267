package dev.ruxo.rules;

import org.jspecify.annotations.Nullable;

/**
 * A co-medication. It needs a code (with its system) or a display text, or both; the knowledge base matches it by
 * RxNorm or ATC code and by generic or brand name in the display text.
 *
 * @param system  {@link CodeSystems#RXNORM} or {@link CodeSystems#ATC}; nullable when there is no code
 * @param code    the code; nullable
 * @param display the medication text as the EHR shows it; nullable when there is a code
 * @param route   route word such as {@code oral}, {@code topical}, {@code ophthalmic}; nullable (then the display
 *                text is read for a dose form)
 * @param status  nullable, meaning {@link MedicationStatus#ACTIVE}
 * @since 0.1.0
 */
public record Medication(@Nullable String system, @Nullable String code, @Nullable String display,
        @Nullable String route, @Nullable MedicationStatus status) {

    /**
     * An active medication coded in RxNorm.
     *
     * @param rxcui   the RxNorm code
     * @param display the text
     * @param route   route word; nullable
     * @return the medication
     */
    public static Medication rxnorm(String rxcui, @Nullable String display, @Nullable String route) {
        return new Medication(CodeSystems.RXNORM, rxcui, display, route, MedicationStatus.ACTIVE);
    }

    /**
     * An active medication known only by its text.
     *
     * @param display the text
     * @param route   route word; nullable
     * @return the medication
     */
    public static Medication named(String display, @Nullable String route) {
        return new Medication(null, null, display, route, MedicationStatus.ACTIVE);
    }

    /**
     * The same medication with another status.
     *
     * @param value the status
     * @return a copy
     */
    public Medication withStatus(MedicationStatus value) {
        return new Medication(system, code, display, route, value);
    }

    /**
     * Whether this medication can interact: its status is active, on hold, or not recorded.
     *
     * @return false for stopped and completed medications
     */
    public boolean isActive() {
        return status == null || status == MedicationStatus.ACTIVE || status == MedicationStatus.ON_HOLD;
    }
}
