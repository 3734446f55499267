package dev.ruxo.rules.spi;

import dev.ruxo.rules.CheckEngine;

/**
 * Creates engines; found through {@link java.util.ServiceLoader} by {@link dev.ruxo.rules.RuxoRules#newEngine()}.
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
     * @throws dev.ruxo.rules.RuleCompilationException if the knowledge base does not compile
     */
    CheckEngine create();
}
