package dev.ruxo.rules;

/**
 * What earlier topical prescription therapy showed; the atopic dermatitis indication requires inadequate or not advisable.
 *
 * @since 0.1.0
 */
public enum PriorTopicalTherapy implements WireValue {
    /** Tried and not adequately controlled. */
    INADEQUATE("inadequate"),
    /** Not advisable for this patient. */
    NOT_ADVISABLE("not-advisable"),
    /** No earlier topical prescription therapy. */
    NONE("none");

    private final String wireValue;

    PriorTopicalTherapy(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
