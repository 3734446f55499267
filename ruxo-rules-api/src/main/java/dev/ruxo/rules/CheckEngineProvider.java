package dev.ruxo.rules;

import java.time.Clock;

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

    /**
     * Builds an engine like {@link #create()} that reads today, for requests without {@code asOf}, from
     * {@code clock}. A provider that cannot take a clock keeps this default, which refuses rather than ignore it.
     *
     * @param clock the clock for today
     * @return a new engine, ready to use
     * @throws RuleCompilationException      if the knowledge base does not compile
     * @throws UnsupportedOperationException if this provider cannot take a clock
     * @since 0.1.0
     */
    default CheckEngine create(Clock clock) {
        throw new UnsupportedOperationException("the engine provider " + name() + " cannot take a clock");
    }
}
