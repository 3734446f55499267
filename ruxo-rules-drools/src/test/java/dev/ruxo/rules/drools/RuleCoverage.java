package dev.ruxo.rules.drools;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Which rules fired on the shared test engine during this test run (filled by an agenda listener). */
final class RuleCoverage {

    private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong FIRINGS = new AtomicLong();

    private RuleCoverage() {
    }

    static void fired(String ruleId) {
        FIRED.add(ruleId);
        FIRINGS.incrementAndGet();
    }

    static Set<String> fired() {
        return Set.copyOf(FIRED);
    }

    static long firings() {
        return FIRINGS.get();
    }
}
