package dev.ruxo.rules;

/**
 * Severity of a finding; maps one to one to the CDS Hooks card indicator.
 *
 * @since 0.1.0
 */
public enum Severity implements WireValue {
    /** Advice, monitoring or documentation; the order may proceed. */
    INFO("INFO"),
    /** Caution the prescriber must see; the order may proceed after review. */
    WARNING("WARNING"),
    /** Outside the label; the order stops unless a prescriber overrides it with a reason. */
    CRITICAL("CRITICAL");

    private final String wireValue;

    Severity(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * The decision this severity forces when it is the highest among the findings.
     *
     * @return STOP for CRITICAL, REVIEW for WARNING, PROCEED for INFO
     */
    public Decision decision() {
        return switch (this) {
            case CRITICAL -> Decision.STOP;
            case WARNING -> Decision.REVIEW;
            case INFO -> Decision.PROCEED;
        };
    }
}
