package dev.ruxo.rules;

/**
 * Vitiligo subtype; only nonsegmental vitiligo is in the label.
 *
 * @since 0.1.0
 */
public enum VitiligoType implements WireValue {
    /** Nonsegmental (generalised) vitiligo. */
    NONSEGMENTAL("nonsegmental"),
    /** Segmental vitiligo; not in the label. */
    SEGMENTAL("segmental");

    private final String wireValue;

    VitiligoType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
