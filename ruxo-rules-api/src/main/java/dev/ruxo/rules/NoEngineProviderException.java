package dev.ruxo.rules;

/**
 * {@link RuxoRules#newEngine()} found no engine implementation, or more than one.
 *
 * @since 0.1.0
 */
public final class NoEngineProviderException extends RuxoRulesException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was found and what to add
     */
    public NoEngineProviderException(String message) {
        super(message);
    }
}
