package dev.ruxo.rules;

/**
 * Administrative sex as the wire format spells it.
 *
 * @since 0.1.0
 */
public enum Sex implements WireValue {
    /** Female. */
    FEMALE("female"),
    /** Male. */
    MALE("male"),
    /** Other. */
    OTHER("other"),
    /** Not known. */
    UNKNOWN("unknown");

    private final String wireValue;

    Sex(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
