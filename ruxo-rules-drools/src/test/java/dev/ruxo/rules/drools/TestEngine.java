package dev.ruxo.rules.drools;

import dev.ruxo.rules.Assessment;
import dev.ruxo.rules.CheckRequest;
import dev.ruxo.rules.testkit.CheckRequests;

/**
 * One engine for the whole test JVM, with the precompiled built-in rules, as users build it. Every rule it fires is
 * recorded for {@link RuleCoverageTest}.
 */
public final class TestEngine {

    private static final DroolsCheckEngine ENGINE = DroolsCheckEngine.builder().onRuleFired(RuleCoverage::fired).build();

    private TestEngine() {
    }

    public static DroolsCheckEngine engine() {
        return ENGINE;
    }

    public static Assessment check(CheckRequest request) {
        return ENGINE.check(request);
    }

    public static Assessment check(CheckRequests.Builder request) {
        return ENGINE.check(request.build());
    }
}
