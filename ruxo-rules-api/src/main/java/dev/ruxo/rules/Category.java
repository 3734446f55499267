package dev.ruxo.rules;

/**
 * What a finding is about.
 *
 * @since 0.1.0
 */
public enum Category implements WireValue {
    /** Whether the order fits the labelled indications and ages. */
    INDICATION("INDICATION"),
    /** Patient safety: boxed warnings, warnings and precautions, pregnancy and lactation. */
    CONTRAINDICATION("CONTRAINDICATION"),
    /** Co-medications the label advises against or that raise exposure. */
    INTERACTION("INTERACTION"),
    /** Treated area, quantity, refills, route, frequency and duration. */
    DOSING("DOSING"),
    /** Laboratory monitoring advice. */
    MONITORING("MONITORING"),
    /** A check that could not run because input was missing. */
    DATA("DATA");

    private final String wireValue;

    Category(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
