package dev.ruxo.rules.drools;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.List;

/** Waits for weakly referenced objects to be collected, for tests that check what an engine keeps. */
final class Collected {

    private Collected() {
    }

    /**
     * Requests full collections until every referent is gone or 50 attempts have passed.
     *
     * @param references weak references to what should no longer be reachable
     * @return whether every referent was collected
     */
    static boolean all(List<? extends Reference<?>> references) throws InterruptedException {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        // The test needs System.gc() to run a full collection.
        assumeFalse(jvmOptions.contains("-XX:+DisableExplicitGC") || jvmOptions.contains("-XX:+UseEpsilonGC"),
                "System.gc() does not collect in this JVM");
        for (int i = 0; i < 50 && references.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }
        return references.stream().allMatch(r -> r.get() == null);
    }
}
