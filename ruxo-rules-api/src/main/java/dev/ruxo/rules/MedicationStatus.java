package dev.ruxo.rules;

/**
 * Status of a co-medication; stopped and completed medications never interact.
 *
 * @since 0.1.0
 */
public enum MedicationStatus implements WireValue {
    /** Taken now (the default). */
    ACTIVE("active"),
    /** Paused; treated as active. */
    ON_HOLD("on-hold"),
    /** Stopped; never interacts. */
    STOPPED("stopped"),
    /** Finished; never interacts. */
    COMPLETED("completed");

    private final String wireValue;

    MedicationStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
