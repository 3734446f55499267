package dev.ruxo.rules.drools;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.CheckEngineProvider;
import java.time.Clock;

/**
 * Registers the Drools engine for {@link dev.ruxo.rules.RuxoRules#newEngine()}.
 *
 * @since 0.1.0
 */
public final class DroolsEngineProvider implements CheckEngineProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public DroolsEngineProvider() {
    }

    @Override
    public String name() {
        return "drools";
    }

    @Override
    public CheckEngine create() {
        return DroolsCheckEngine.builder().build();
    }

    @Override
    public CheckEngine create(Clock clock) {
        return DroolsCheckEngine.builder().clock(clock).build();
    }
}
