package dev.ruxo.rules;

/**
 * Severity of the disease the cream is ordered for.
 *
 * @since 0.1.0
 */
public enum DiseaseSeverity implements WireValue {
    /** Mild. */
    MILD("mild"),
    /** Moderate. */
    MODERATE("moderate"),
    /** Severe; outside the atopic dermatitis indication (mild to moderate). */
    SEVERE("severe");

    private final String wireValue;

    DiseaseSeverity(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
