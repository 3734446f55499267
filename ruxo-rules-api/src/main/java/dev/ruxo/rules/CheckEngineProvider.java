package dev.ruxo.rules;

/**
 * The service-provider interface: an engine implementation registers one so that {@link RuxoRules#newEngine()} finds
 * it through {@link java.util.ServiceLoader}. Applications do not call it.
 *
 * @since 0.1.0
 */
public interface CheckEngineProvider {

    /**
     * A short name for error messages, such as {@code "drools"}.
     *
     * @return the provider name
     */
    String name();

    /**
     * Builds an engine with the built-in knowledge base and default settings.
     *
     * @return a new engine, ready to use
     * @throws RuleCompilationException if the knowledge base does not compile
     */
    CheckEngine create();
}
