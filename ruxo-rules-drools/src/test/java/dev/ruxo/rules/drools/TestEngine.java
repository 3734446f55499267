package dev.ruxo.rules.drools;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.testkit.CheckRequests;

/**
 * One engine for the whole test JVM, with the precompiled built-in rules, as users build it. Every rule it fires is
 * recorded for {@link RuleCoverageTest}. {@link MutationCheck} swaps in the engine of a mutated knowledge base while
 * it runs the tests against it.
 */
public final class TestEngine {

    private static final DroolsCheckEngine BUILT_IN = DroolsCheckEngine.builder().onRuleFired(RuleCoverage::fired)
            .build();
    private static volatile DroolsCheckEngine engine = BUILT_IN;

    private TestEngine() {
    }

    public static DroolsCheckEngine engine() {
        return engine;
    }

    /** The engine the tests use from now on; null for the built-in one. */
    static void use(DroolsCheckEngine replacement) {
        engine = replacement == null ? BUILT_IN : replacement;
    }

    public static Assessment check(CheckRequest request) {
        return engine.check(request);
    }

    public static Assessment check(CheckRequests.Builder request) {
        return engine.check(request.build());
    }
}
