package dev.ruxo.rules;

/**
 * Tobacco smoking status; current and former smokers carry the boxed-warning risks.
 *
 * @since 0.1.0
 */
public enum SmokingStatus implements WireValue {
    /** Smokes now. */
    CURRENT("current"),
    /** Smoked in the past. */
    FORMER("former"),
    /** Never smoked. */
    NEVER("never");

    private final String wireValue;

    SmokingStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
