package dev.ruxo.rules;

/**
 * The overall answer: STOP if any finding is CRITICAL, else REVIEW if any is WARNING, else PROCEED.
 *
 * @since 0.1.0
 */
public enum Decision implements WireValue {
    /** Nothing above INFO was found. */
    PROCEED("PROCEED"),
    /** At least one WARNING and no CRITICAL finding. */
    REVIEW("REVIEW"),
    /** At least one CRITICAL finding. */
    STOP("STOP");

    private final String wireValue;

    Decision(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
