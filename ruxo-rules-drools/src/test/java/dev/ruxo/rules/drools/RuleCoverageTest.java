package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.drools.internal.RuleMeta;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the knowledge base fires in at least one test. Runs after every other test class of this module
 * (junit-platform.properties orders classes by {@link Order}); when only a few classes were selected, it skips
 * instead of failing.
 */
@Order(Integer.MAX_VALUE)
class RuleCoverageTest {

    private static final long WHOLE_SUITE_FIRINGS = 1000;

    @Test
    void everyRuleFiredInSomeTest() {
        Assumptions.assumeTrue(RuleCoverage.firings() >= WHOLE_SUITE_FIRINGS,
                "rule coverage is measured over the whole test suite; only " + RuleCoverage.firings()
                        + " firings were recorded in this run");
        Set<String> all = new TreeSet<>();
        for (RuleMeta meta : TestEngine.engine().compiled().rules().values()) {
            all.add(meta.ruleId());
        }
        Set<String> never = new TreeSet<>(all);
        never.removeAll(RuleCoverage.fired());
        assertThat(never).as("rules no test fired (of %d)", all.size()).isEmpty();
    }

    @Test
    void theListenerSeesFirings() {
        long before = RuleCoverage.firings();
        TestEngine.check(dev.ruxo.rules.testkit.CheckRequests.adultAtopicDermatitis().bsa("30"));
        assertThat(RuleCoverage.firings()).isGreaterThan(before);
        assertThat(RuleCoverage.fired()).contains("RUXO-DOSE-BSA-AD");
    }
}
