package dev.ruxo.rules.benchmarks;

import dev.ruxo.rules.CheckEngine;
import dev.ruxo.rules.benchmarks.baseline.HandCodedChecker;
import dev.ruxo.rules.drools.DroolsCheckEngine;

/** The engines a benchmark can run, by the name used in JMH {@code @Param}. */
public final class Engines {

    /** The Drools engine as users build it. */
    public static final String DROOLS = "drools";
    /** The hand-coded plain-Java baseline over the same data. */
    public static final String BASELINE = "baseline";
    /** The Drools engine's check with a new session per check instead of a pooled one: the former strategy. */
    public static final String DROOLS_SESSION_PER_CHECK = "droolsSessionPerCheck";

    private Engines() {
    }

    /**
     * Builds the named engine.
     *
     * @param name {@link #DROOLS}, {@link #BASELINE} or {@link #DROOLS_SESSION_PER_CHECK}
     * @return a new engine
     */
    public static CheckEngine create(String name) {
        return switch (name) {
            case DROOLS -> DroolsCheckEngine.builder().build();
            case BASELINE -> HandCodedChecker.builtIn();
            case DROOLS_SESSION_PER_CHECK -> SessionPerCheckChecker.builtIn();
            default -> throw new IllegalArgumentException("no engine named " + name);
        };
    }
}
