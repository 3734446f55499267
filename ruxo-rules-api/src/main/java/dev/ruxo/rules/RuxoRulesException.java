package dev.ruxo.rules;

/**
 * The root of every exception the library throws on purpose.
 *
 * @since 0.1.0
 */
public class RuxoRulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     */
    public RuxoRulesException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public RuxoRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
