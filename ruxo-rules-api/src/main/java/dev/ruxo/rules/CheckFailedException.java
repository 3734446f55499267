package dev.ruxo.rules;

/**
 * The engine itself failed while assessing a valid request. No assessment exists: the caller must not treat the
 * order as checked. The message never contains patient data.
 *
 * @since 0.1.0
 */
public final class CheckFailedException extends RuxoRulesException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the underlying failure
     */
    public CheckFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
